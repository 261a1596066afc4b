import { describe, expect, it } from "vitest";
import { buildEventFlow, eventFlowEdgeId, summarizeEdgeSpans, type EdgeExampleSpan, type EdgeKey, type EdgeTotals } from "./build-event-flow";
import { flowOrigin } from "./flow-fixtures";
import { layoutGraph } from "./layout-flow-graph";

const ms = 1_000_000n;
const key = (kind: EdgeKey["kind"], service: string, destination: string, eventType = "order.placed"): EdgeKey => ({ kind, service, eventType, system: "rabbitmq", destination });
const totals = (edge: EdgeKey, messages: number, overrides: Partial<EdgeTotals> = {}): EdgeTotals => ({
  ...edge,
  messages: BigInt(messages),
  failed: 0n,
  lastSeenNano: flowOrigin,
  p50Nano: null,
  p95Nano: null,
  ...overrides,
});
const example = (edge: EdgeKey, spanId: string, startMs: number, failed = false): EdgeExampleSpan => ({
  ...edge,
  traceId: "30000000000000000000000000000001",
  spanId,
  startNano: flowOrigin + BigInt(startMs) * ms,
  failed,
  latencyNano: null,
});

const publish = key("publish", "checkout", "orders");
const payment = key("deliver", "payment", "orders");
const inventory = key("deliver", "inventory", "orders");
const next = key("next", "payment", "payments", "payment.processed");
const flow = buildEventFlow({
  eventType: "order.placed",
  windowMinutes: 60,
  coveredSince: null,
  totals: [
    totals(next, 40),
    totals(inventory, 48, { failed: 2n, p50Nano: 12n * ms, p95Nano: 40n * ms }),
    totals(payment, 50, { p50Nano: 3_500_000n, p95Nano: 9n * ms }),
    totals(publish, 50, { lastSeenNano: flowOrigin + 5n * ms }),
  ],
  examples: [example(inventory, "a1", 10), example(inventory, "a2", 30), example(inventory, "a3", 20, true)],
});

describe("buildEventFlow", () => {
  it("connects producers to destinations, destinations to consumers, and consumers to what they publish next", () => {
    expect(flow.edges.map((edge) => [edge.kind, edge.source, edge.target])).toEqual([
      ["publish", "service:checkout", "destination:rabbitmq:orders"],
      ["deliver", "destination:rabbitmq:orders", "service:payment"],
      ["deliver", "destination:rabbitmq:orders", "service:inventory"],
      ["next", "service:payment", "destination:rabbitmq:payments"],
    ]);
    expect(flow.nodes.map((node) => node.id).sort()).toEqual(["destination:rabbitmq:orders", "destination:rabbitmq:payments", "service:checkout", "service:inventory", "service:payment"]);
  });

  it("labels edges with counts, p95 latency and failures, and next edges with their event type", () => {
    expect(flow.edges.map((edge) => edge.label)).toEqual(["×50", "×50 · p95 9.00 ms", "×48 · p95 40.0 ms · 2 failed", "payment.processed ×40"]);
    expect(flow.edges[1]).toMatchObject({ id: eventFlowEdgeId(payment), messages: 50, failed: 0, p50Ms: 3.5, p95Ms: 9 });
    expect(flow.edges[0]).toMatchObject({ lastSeenAt: (flowOrigin + 5n * ms).toString(), p50Ms: null });
  });

  it("says what role each service plays and where deliveries failed", () => {
    const detail = (id: string) => flow.nodes.find((node) => node.id === id)?.detail;
    expect(detail("service:checkout")).toBe("producer");
    expect(flow.nodes.find((node) => node.id === "service:inventory")).toMatchObject({ detail: "consumer", errors: 2 });
    expect(detail("destination:rabbitmq:orders")).toBe("rabbitmq");
    expect(flow.summary).toEqual({ producers: 1, consumers: 2, published: 50, delivered: 98, failedDeliveries: 2 });
  });

  it("lists an edge's examples failed first, then newest first", () => {
    expect(flow.edges[2]!.examples.map((entry) => entry.spanId)).toEqual(["a3", "a2", "a1"]);
    expect(flow.edges[0]!.examples).toEqual([]);
  });

  it("marks dead-letter destinations and names a service that both consumes and republishes", () => {
    const dlq = buildEventFlow({ eventType: "order.placed", windowMinutes: 15, coveredSince: null, totals: [totals(inventory, 3, { failed: 3n }), totals(key("publish", "inventory", "orders.dlq"), 1)], examples: [] });
    expect(dlq.nodes.find((node) => node.id === "destination:rabbitmq:orders.dlq")).toMatchObject({ deadLetter: true });
    expect(dlq.edges.find((edge) => edge.kind === "publish")).toMatchObject({ deadLetter: true });
    expect(dlq.nodes.find((node) => node.id === "service:inventory")).toMatchObject({ detail: "producer · consumer", errors: 3 });
  });

  it("lays out left to right: producer, destination, consumer, next destination", () => {
    const { nodes } = layoutGraph(flow.nodes, flow.edges);
    const x = (id: string) => nodes.find((node) => node.id === id)!.x;
    expect(x("service:checkout")).toBeLessThan(x("destination:rabbitmq:orders"));
    expect(x("destination:rabbitmq:orders")).toBeLessThan(x("service:payment"));
    expect(x("service:payment")).toBeLessThan(x("destination:rabbitmq:payments"));
  });

  it("is empty when nothing was seen", () => {
    expect(buildEventFlow({ eventType: "order.placed", windowMinutes: 60, coveredSince: null, totals: [], examples: [] })).toMatchObject({ nodes: [], edges: [], summary: { published: 0, delivered: 0 } });
  });
});

describe("summarizeEdgeSpans", () => {
  const measured = (spanId: string, startMs: number, latencyMs: number | null, failed = false) => ({ ...example(payment, spanId, startMs, failed), latencyNano: latencyMs === null ? null : BigInt(latencyMs) * ms });

  it("counts an edge's spans and failures, and takes nearest-rank p50 and p95 of the latencies measured", () => {
    const spans = [...Array.from({ length: 19 }, (_, index) => measured(`s${index}`, index, index + 1)), measured("late", 40, 100, true), measured("unmatched", 50, null)];
    const { totals: [edge] } = summarizeEdgeSpans(spans);
    expect(edge).toEqual({ ...payment, messages: 21n, failed: 1n, lastSeenNano: flowOrigin + 50n * ms, p50Nano: 10n * ms, p95Nano: 19n * ms });
  });

  it("keeps apart edges that differ in any part of their key, and leaves latency unset where nothing was measured", () => {
    const { totals: edges } = summarizeEdgeSpans([example(publish, "p1", 1), example(payment, "d1", 2), example({ ...payment, destination: "orders.retry" }, "d2", 3)]);
    expect(edges.map((edge) => [edge.kind, edge.destination, edge.messages, edge.p95Nano])).toEqual([
      ["publish", "orders", 1n, null],
      ["deliver", "orders", 1n, null],
      ["deliver", "orders.retry", 1n, null],
    ]);
  });

  it("keeps the latest three successful and the latest three failed spans of each edge as examples", () => {
    const spans = Array.from({ length: 10 }, (_, index) => example(payment, `s${index}`, index, index % 2 === 0));
    expect(summarizeEdgeSpans(spans).examples.map((span) => span.spanId)).toEqual(["s9", "s7", "s5", "s8", "s6", "s4"]);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../db";
import { databaseConfig, parseEnv } from "../../env";
import { createSpanWriter } from "../span-store/create-span-writer";
import type { SpanRecord } from "../span-store/span-record";
import { getEventFlow } from "./get-event-flow";
import { newTraceId, spanRecord, uniqueValue } from "./query-test-spans";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
const writer = createSpanWriter(config);

// The window is measured back from now, so the spans are recent; event type names are unique per run.
const origin = BigInt(Date.now() - 120_000) * 1_000_000n;
const placed = uniqueValue("flow-test.placed");
const processed = uniqueValue("flow-test.processed");
const [checkout, paymentTrace, checkoutLater, paymentLater, legacy] = [newTraceId(), newTraceId(), newTraceId(), newTraceId(), newTraceId()];
const traceIds = [checkout, paymentTrace, checkoutLater, paymentLater, legacy];
const [first, second] = [uniqueValue("msg"), uniqueValue("msg")];
const messaging = (role: "publish" | "consume", destination: string, eventType: string, messageId: string | null) => ({ role, system: "rabbitmq", destination, eventType, messageId, consumerGroup: null });

const records: SpanRecord[] = [
  // checkout publishes the first message; inventory processes it as a child (fails, then succeeds on
  // retry); payment processes it in a trace of its own that links back, and publishes the next event.
  spanRecord(origin, { traceId: checkout, spanId: "f000000000000001", name: "POST /orders", durationMs: 10 }),
  spanRecord(origin, { traceId: checkout, spanId: "f000000000000002", parentSpanId: "f000000000000001", kind: 4, startMs: 2, messaging: messaging("publish", "flow.orders", placed, first) }),
  spanRecord(origin, { traceId: checkout, spanId: "f000000000000003", parentSpanId: "f000000000000002", serviceName: "inventory", kind: 5, startMs: 6, statusCode: 2, messaging: messaging("consume", "flow.orders", placed, first) }),
  spanRecord(origin, { traceId: checkout, spanId: "f000000000000004", parentSpanId: "f000000000000002", serviceName: "inventory", kind: 5, startMs: 30, messaging: messaging("consume", "flow.orders", placed, first) }),
  spanRecord(origin, { traceId: paymentTrace, spanId: "f000000000000005", serviceName: "payment", kind: 5, startMs: 12, durationMs: 8, messaging: messaging("consume", "flow.orders", placed, first), links: [{ traceId: checkout, spanId: "f000000000000002", attributes: "{}" }] }),
  spanRecord(origin, { traceId: paymentTrace, spanId: "f000000000000006", parentSpanId: "f000000000000005", serviceName: "payment", kind: 4, startMs: 15, messaging: messaging("publish", "flow.payments", processed, uniqueValue("msg")) }),
  // The second message: payment is tied to it only by the message id, and publishes under an intermediate span.
  spanRecord(origin, { traceId: checkoutLater, spanId: "f000000000000007", kind: 4, startMs: 100, messaging: messaging("publish", "flow.orders", placed, second) }),
  spanRecord(origin, { traceId: paymentLater, spanId: "f000000000000008", serviceName: "payment", kind: 5, startMs: 150, durationMs: 20, messaging: messaging("consume", "flow.orders", placed, second) }),
  spanRecord(origin, { traceId: paymentLater, spanId: "f000000000000009", parentSpanId: "f000000000000008", serviceName: "payment", name: "charge card", startMs: 152, durationMs: 15 }),
  spanRecord(origin, { traceId: paymentLater, spanId: "f00000000000000a", parentSpanId: "f000000000000009", serviceName: "payment", kind: 4, startMs: 160, statusCode: 2, messaging: messaging("publish", "flow.payments", processed, uniqueValue("msg")) }),
  // payment also forwards the second message to a dead-letter queue: a publish edge of the event type, not a next one.
  spanRecord(origin, { traceId: paymentLater, spanId: "f00000000000000b", parentSpanId: "f000000000000008", serviceName: "payment", kind: 4, startMs: 165, messaging: messaging("publish", "flow.orders.dlq", placed, second) }),
  // Two hours ago: only in a wide window.
  spanRecord(origin - 7_200_000_000_000n, { traceId: legacy, spanId: "f00000000000000c", serviceName: "legacy-shop", kind: 4, messaging: messaging("publish", "flow.orders", placed, null) }),
];

beforeAll(async () => {
  await database.eventType.create({ data: { name: placed } });
  await writer.write(records);
});

afterAll(async () => {
  await database.span.deleteMany({ where: { traceId: { in: traceIds } } });
  await database.spanLink.deleteMany({ where: { traceId: { in: traceIds } } });
  await database.eventType.deleteMany({ where: { name: placed } });
  await writer.close();
  await database.$disconnect();
});

describe(`event flow (${config.provider})`, () => {
  it("aggregates publishers, deliveries with latency percentiles, and what consumers publish next", async () => {
    const flow = await getEventFlow(database, placed, 15);
    expect(flow.edges.map((edge) => [edge.kind, edge.service, edge.destination, edge.eventType, edge.messages, edge.failed, edge.p50Ms, edge.p95Ms])).toEqual([
      ["publish", "checkout", "flow.orders", placed, 2, 0, null, null],
      ["publish", "payment", "flow.orders.dlq", placed, 1, 0, null, null],
      ["deliver", "inventory", "flow.orders", placed, 2, 1, 4, 28],
      ["deliver", "payment", "flow.orders", placed, 2, 0, 10, 50],
      ["next", "payment", "flow.payments", processed, 2, 1, null, null],
    ]);
    expect(flow.summary).toEqual({ producers: 2, consumers: 2, published: 3, delivered: 4, failedDeliveries: 1 });
    expect(flow.edges[0]!.lastSeenAt).toBe((origin + 100_000_000n).toString());
    expect(flow.coveredSince).toBeNull();
  });

  it("covers the newest spans of a window that holds more than it reads, and says since when", async () => {
    const flow = await getEventFlow(database, placed, 15, 3);
    expect(flow.coveredSince).toBe(new Date(Number(origin / 1_000_000n) + 100).toISOString());
    expect(flow.edges.map((edge) => [edge.kind, edge.service, edge.destination, edge.messages, edge.failed, edge.p50Ms])).toEqual([
      ["publish", "checkout", "flow.orders", 1, 0, null],
      ["publish", "payment", "flow.orders.dlq", 1, 0, null],
      ["deliver", "payment", "flow.orders", 1, 0, 50],
      ["next", "payment", "flow.payments", 1, 1, null],
    ]);
  });

  it("keeps example spans per edge, failed ones first", async () => {
    const flow = await getEventFlow(database, placed, 15);
    const inventory = flow.edges.find((edge) => edge.kind === "deliver" && edge.service === "inventory")!;
    expect(inventory.examples).toEqual([
      { traceId: checkout, spanId: "f000000000000003", startAt: (origin + 6_000_000n).toString(), failed: true, latencyMs: 4 },
      { traceId: checkout, spanId: "f000000000000004", startAt: (origin + 30_000_000n).toString(), failed: false, latencyMs: 28 },
    ]);
    const next = flow.edges.find((edge) => edge.kind === "next")!;
    expect(next.examples.map((example) => [example.traceId, example.spanId])).toEqual([
      [paymentLater, "f00000000000000a"],
      [paymentTrace, "f000000000000006"],
    ]);
  });

  it("widens with the window and refuses an unknown event type", async () => {
    const wide = await getEventFlow(database, placed, 1440);
    expect(wide.edges.filter((edge) => edge.kind === "publish").map((edge) => edge.service)).toEqual(["checkout", "legacy-shop", "payment"]);
    await expect(getEventFlow(database, `${placed}-none`, 60)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

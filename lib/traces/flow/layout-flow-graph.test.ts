import { describe, expect, it } from "vitest";
import { buildOrderFlow } from "./build-order-flow";
import { consumeSpan, link, publishSpan } from "./flow-fixtures";
import { eventLabel, layoutFlowGraph } from "./layout-flow-graph";

const T1 = "20000000000000000000000000000001";
const T2 = "20000000000000000000000000000002";
const placed = publishSpan(T1, "a000000000000001", { startMs: 0, destination: "orders", eventType: "order.placed", attributes: { "event.version": "3" } });
const payment = consumeSpan(T2, "b000000000000001", { serviceName: "payment", startMs: 5, destination: "orders" });
const inventory = consumeSpan(T1, "a000000000000002", { serviceName: "inventory", parentSpanId: placed.spanId, startMs: 6, destination: "orders", failed: true });
const dlq = publishSpan(T1, "a000000000000003", { serviceName: "inventory", parentSpanId: inventory.spanId, startMs: 7, destination: "orders.dlq", eventType: "order.placed" });

/** Whether a point lies on a node's border (to a pixel: node positions are rounded). */
function onBorder(point: { x: number; y: number }, node: { x: number; y: number; width: number; height: number }): boolean {
  const within = (inset: number) => point.x >= node.x + inset && point.x <= node.x + node.width - inset && point.y >= node.y + inset && point.y <= node.y + node.height - inset;
  return within(-1) && !within(1);
}

describe("layoutFlowGraph", () => {
  const flow = buildOrderFlow({ key: "order.id", value: "1", spans: [placed, payment, inventory, dlq], links: [link(payment, placed)] });
  const graph = layoutFlowGraph(flow);

  it("puts destinations between services and counts each message once on its publish edge", () => {
    expect(graph.nodes.map((node) => node.id).sort()).toEqual(["destination:rabbitmq:orders", "destination:rabbitmq:orders.dlq", "service:checkout", "service:inventory", "service:payment"]);
    const publish = graph.edges.find((edge) => edge.source === "service:checkout")!;
    expect(publish).toMatchObject({ target: "destination:rabbitmq:orders", label: "order.placed v3", count: 1 });
    expect(graph.edges.find((edge) => edge.target === "service:inventory")).toMatchObject({ label: "1 failed", errors: 1 });
    expect(graph.edges.find((edge) => edge.target === "destination:rabbitmq:orders.dlq")).toMatchObject({ deadLetter: true, source: "service:inventory" });
    expect(graph.nodes.find((node) => node.id === "destination:rabbitmq:orders.dlq")?.deadLetter).toBe(true);
  });

  it("lays the graph out left to right without overlaps", () => {
    const x = (id: string) => graph.nodes.find((node) => node.id === id)!.x;
    expect(x("service:checkout")).toBeLessThan(x("destination:rabbitmq:orders"));
    expect(x("destination:rabbitmq:orders")).toBeLessThan(x("service:payment"));
    for (const a of graph.nodes)
      for (const b of graph.nodes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    expect(graph.width).toBeGreaterThan(0);
  });

  it("routes every edge from its source's border to its target's, with room for its label", () => {
    for (const edge of graph.edges) {
      const route = graph.routes.get(edge.id)!;
      const [source, target] = [graph.nodes.find((node) => node.id === edge.source)!, graph.nodes.find((node) => node.id === edge.target)!];
      expect(route.points.length).toBeGreaterThanOrEqual(2);
      expect(onBorder(route.points[0]!, source), `${edge.id} starts on its source's border`).toBe(true);
      expect(onBorder(route.points.at(-1)!, target), `${edge.id} ends on its target's border`).toBe(true);
      expect(route.labelAt === null).toBe(edge.label === "");
    }
  });

  it("keeps the service that starts the flow leftmost when it also consumes a reply", () => {
    const order = publishSpan(T1, "c000000000000001", { startMs: 0, destination: "orders" });
    const charge = consumeSpan(T1, "c000000000000002", { serviceName: "payment", parentSpanId: order.spanId, startMs: 5, destination: "orders" });
    const charged = publishSpan(T1, "c000000000000003", { serviceName: "payment", parentSpanId: charge.spanId, startMs: 6, destination: "payments" });
    const reply = consumeSpan(T1, "c000000000000004", { serviceName: "checkout", parentSpanId: charged.spanId, startMs: 8, destination: "payments" });
    const cycle = layoutFlowGraph(buildOrderFlow({ key: "order.id", value: "2", spans: [order, charge, charged, reply], links: [] }));
    const x = (id: string) => cycle.nodes.find((node) => node.id === id)!.x;
    expect(x("service:checkout")).toBeLessThan(x("destination:rabbitmq:orders"));
    expect(x("destination:rabbitmq:orders")).toBeLessThan(x("service:payment"));
    expect(x("service:payment")).toBeLessThan(x("destination:rabbitmq:payments"));
    expect(cycle.edges.find((edge) => edge.source === "destination:rabbitmq:payments")?.target).toBe("service:checkout");
  });

  it("shows bare services when there is no messaging at all", () => {
    expect(layoutFlowGraph({ services: ["gateway"], edges: [], hops: [] }).nodes.map((node) => node.id)).toEqual(["service:gateway"]);
  });

  it("labels edges with type and version", () => {
    expect(eventLabel("order.placed", "v2", "orders")).toBe("order.placed v2");
    expect(eventLabel(null, null, "orders")).toBe("orders");
  });
});

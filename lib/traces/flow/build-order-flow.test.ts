import { describe, expect, it } from "vitest";
import { buildOrderFlow } from "./build-order-flow";
import { consumeSpan, flowSpan, link, publishSpan } from "./flow-fixtures";

const T1 = "10000000000000000000000000000001";
const T2 = "10000000000000000000000000000002";
const T3 = "10000000000000000000000000000003";
const T4 = "10000000000000000000000000000004";

// checkout publishes order.placed (T1); payment consumes it in a new trace that only links back (T2),
// inventory consumes it as a child span (T1), shipping only shares the message id (T3).
const root = flowSpan({ traceId: T1, spanId: "a000000000000001", name: "POST /orders", startMs: 0, endMs: 20 });
const placed = publishSpan(T1, "a000000000000002", { parentSpanId: root.spanId, startMs: 2, endMs: 3, destination: "orders", eventType: "order.placed", messageId: "m-1", attributes: { "event.version": "2" } });
const paymentConsume = consumeSpan(T2, "b000000000000001", { serviceName: "payment", startMs: 10, endMs: 14, destination: "orders", eventType: "order.placed" });
const inventoryConsume = consumeSpan(T1, "a000000000000003", { serviceName: "inventory", parentSpanId: placed.spanId, startMs: 5, endMs: 8, destination: "orders" });
const shippingConsume = consumeSpan(T3, "c000000000000001", { serviceName: "shipping", startMs: 30, endMs: 31, destination: "orders", messageId: "m-1" });
// payment publishes payment.failed; notification fails it twice then succeeds (retries).
const paymentFailed = publishSpan(T2, "b000000000000002", { serviceName: "payment", parentSpanId: paymentConsume.spanId, startMs: 12, endMs: 13, destination: "payments", eventType: "payment.failed", messageId: "m-2" });
const notify = [40, 50, 60].map((startMs, index) =>
  consumeSpan(T4, `d00000000000000${index + 1}`, { serviceName: "notification", parentSpanId: null, startMs, endMs: startMs + 2, destination: "payments", eventType: "payment.failed", messageId: "m-2", failed: index < 2 }),
);

describe("buildOrderFlow", () => {
  it("ties consumers to the publish by link, by parent and by message id", () => {
    const flow = buildOrderFlow({ key: "order.id", value: "1", spans: [root, placed, paymentConsume, inventoryConsume, shippingConsume], links: [link(paymentConsume, placed)] });
    expect(flow.traceIds).toEqual([T1, T2, T3]);
    expect(flow.services).toEqual(["checkout", "inventory", "payment", "shipping"]);
    const byConsumer = Object.fromEntries(flow.hops.map((hop) => [hop.consumer, hop]));
    expect(byConsumer.payment).toMatchObject({ producer: "checkout", matchedBy: "link", eventType: "order.placed", eventVersion: "2", dwellMs: 8, outcome: "ok", retries: 0 });
    expect(byConsumer.inventory).toMatchObject({ producer: "checkout", matchedBy: "parent", dwellMs: 3 });
    expect(byConsumer.shipping).toMatchObject({ producer: "checkout", matchedBy: "message-id", messageId: "m-1", dwellMs: 28 });
    expect(flow.edges).toHaveLength(3);
    expect(flow.edges.every((edge) => edge.from === "checkout" && edge.count === 1 && edge.destination === "orders")).toBe(true);
    expect(flow.hops.map((hop) => hop.consumer)).toEqual(["inventory", "payment", "shipping"]);
  });

  it("counts several deliveries of one message to one consumer as retries", () => {
    const flow = buildOrderFlow({ key: "order.id", value: "1", spans: [paymentConsume, paymentFailed, ...notify], links: [] });
    const hop = flow.hops.find((candidate) => candidate.consumer === "notification")!;
    expect(hop).toMatchObject({ producer: "payment", retries: 2, outcome: "ok", matchedBy: "message-id", processStartAt: notify[0]!.startNano.toString() });
    expect(hop.attempts.map((attempt) => attempt.error)).toEqual([true, true, false]);
    expect(flow.edges).toContainEqual(expect.objectContaining({ from: "payment", to: "notification", eventType: "payment.failed", count: 1, errors: 0 }));
  });

  it("marks a message dead-lettered when the last delivery failed and it was published to a dead-letter destination", () => {
    const failing = notify.map((span) => ({ ...span, statusCode: 2 }));
    const dlq = publishSpan(T4, "d000000000000009", { serviceName: "notification", parentSpanId: failing[2]!.spanId, startMs: 62, endMs: 63, destination: "payments.dlq", eventType: "payment.failed", messageId: "m-2" });
    const flow = buildOrderFlow({ key: "order.id", value: "1", spans: [paymentFailed, ...failing, dlq], links: [] });
    const hop = flow.hops.find((candidate) => candidate.consumer === "notification")!;
    expect(hop).toMatchObject({ outcome: "dead-lettered", retries: 2, deadLetter: { destination: "payments.dlq", at: dlq.startNano.toString(), rule: "dead-letter-publish" } });
    expect(flow.edges).toContainEqual(expect.objectContaining({ from: "notification", to: null, destination: "payments.dlq", deadLetter: true, count: 1 }));
    expect(flow.edges).toContainEqual(expect.objectContaining({ from: "payment", to: "notification", errors: 1 }));
  });

  it("marks it dead-lettered by attribute or by reaching max deliveries, and an error otherwise", () => {
    const failing = notify.map((span) => ({ ...span, statusCode: 2 }));
    const byAttribute = failing.map((span, index) => (index === 2 ? { ...span, attributes: { "messaging.dead_letter": true } } : span));
    expect(buildOrderFlow({ key: "k", value: "v", spans: [paymentFailed, ...byAttribute], links: [] }).hops[0]).toMatchObject({ outcome: "dead-lettered", deadLetter: { rule: "dead-letter-attribute", destination: null } });
    const byMax = failing.map((span) => ({ ...span, attributes: { "eventscope.max_deliveries": 3 } }));
    expect(buildOrderFlow({ key: "k", value: "v", spans: [paymentFailed, ...byMax], links: [] }).hops[0]).toMatchObject({ outcome: "dead-lettered", deadLetter: { rule: "max-deliveries" } });
    const belowMax = failing.map((span) => ({ ...span, attributes: { "eventscope.max_deliveries": 5 } }));
    expect(buildOrderFlow({ key: "k", value: "v", spans: [paymentFailed, ...belowMax], links: [] }).hops[0]).toMatchObject({ outcome: "error", deadLetter: null });
  });

  it("folds a process span nested under a receive span into one delivery", () => {
    const receive = consumeSpan(T2, "b000000000000011", { serviceName: "payment", startMs: 10, endMs: 15, destination: "orders", messageId: "m-1" });
    const processing = consumeSpan(T2, "b000000000000012", { serviceName: "payment", parentSpanId: receive.spanId, startMs: 11, endMs: 14, destination: "orders", messageId: "m-1", failed: true });
    const flow = buildOrderFlow({ key: "k", value: "v", spans: [placed, receive, processing], links: [] });
    expect(flow.hops).toHaveLength(1);
    expect(flow.hops[0]).toMatchObject({ retries: 0, outcome: "error", attempts: [{ spanId: receive.spanId, error: true, statusMessage: "boom" }] });
  });

  it("keeps consumers whose producer was not traced, and publishes nobody consumed", () => {
    const flow = buildOrderFlow({ key: "k", value: "v", spans: [root, placed, shippingConsume].map((span) => (span === placed ? { ...span, messaging: { ...span.messaging!, messageId: "other" } } : span)), links: [] });
    expect(flow.hops).toEqual([expect.objectContaining({ producer: null, consumer: "shipping", publishAt: null, dwellMs: null, matchedBy: "none" })]);
    expect(flow.edges).toContainEqual(expect.objectContaining({ from: "checkout", to: null, eventType: "order.placed", eventVersion: "2" }));
    expect(flow.edges).toContainEqual(expect.objectContaining({ from: null, to: "shipping" }));
  });

  it("is empty for no spans", () => {
    expect(buildOrderFlow({ key: "order.id", value: "0", spans: [], links: [] })).toEqual({ key: "order.id", value: "0", traceIds: [], services: [], edges: [], hops: [], truncated: false });
  });
});

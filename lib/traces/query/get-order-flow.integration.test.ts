import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../db";
import { databaseConfig, parseEnv } from "../../env";
import { createSpanWriter } from "../span-store/create-span-writer";
import { createSpanReader } from "../span-store/span-reader";
import type { SpanRecord } from "../span-store/span-record";
import { getOrderFlow } from "./get-order-flow";
import { getTraceDetail } from "./get-trace-detail";
import { newTraceId, spanRecord, uniqueValue } from "./query-test-spans";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
const reader = createSpanReader(config);
const writer = createSpanWriter(config);

const origin = BigInt(Date.UTC(2031, 5, 1) + Math.floor(Math.random() * 1e9)) * 1_000_000n;
const orderId = uniqueValue("order");
const [producer, consumer, retried, deadLettered] = [newTraceId(), newTraceId(), newTraceId(), newTraceId()];
const traceIds = [producer, consumer, retried, deadLettered];
const placedId = uniqueValue("msg");
const failedId = uniqueValue("msg");
const messaging = (role: "publish" | "consume", destination: string, eventType: string, messageId: string, consumerGroup: string | null = null) => ({ role, system: "rabbitmq", destination, eventType, messageId, consumerGroup });

const records: SpanRecord[] = [
  // checkout publishes order.placed; only the producer trace carries the order id.
  spanRecord(origin, { traceId: producer, spanId: "a000000000000001", name: "POST /orders", startMs: 0, durationMs: 10, attributeMap: { "order.id": orderId } }),
  spanRecord(origin, { traceId: producer, spanId: "a000000000000002", parentSpanId: "a000000000000001", kind: 4, name: "orders publish", startMs: 2, durationMs: 1, messaging: messaging("publish", "orders", "order.placed", placedId), attributeMap: { "event.version": "2" } }),
  // payment consumes it in a new trace that only links back, then publishes payment.failed.
  spanRecord(origin, { traceId: consumer, spanId: "b000000000000001", serviceName: "payment", kind: 5, name: "orders process", startMs: 12, durationMs: 6, messaging: messaging("consume", "orders", "order.placed", placedId, "payment"), links: [{ traceId: producer, spanId: "a000000000000002", attributes: "{}" }] }),
  spanRecord(origin, { traceId: consumer, spanId: "b000000000000002", parentSpanId: "b000000000000001", serviceName: "payment", kind: 4, name: "payments publish", startMs: 15, durationMs: 1, messaging: messaging("publish", "payments", "payment.failed", failedId) }),
  // notification fails once and then succeeds (a retry), linked to payment's publish.
  ...[0, 1].map((attempt) =>
    spanRecord(origin, { traceId: retried, spanId: `c00000000000000${attempt + 1}`, serviceName: "notification", kind: 5, name: "payments process", startMs: 20 + attempt * 10, durationMs: 2, statusCode: attempt === 0 ? 2 : 0, statusMessage: attempt === 0 ? "smtp down" : "", messaging: messaging("consume", "payments", "payment.failed", failedId, "notification"), links: [{ traceId: consumer, spanId: "b000000000000002", attributes: "{}" }] }),
  ),
  // ledger fails three times and dead-letters it: found only through the message id.
  ...[0, 1, 2].map((attempt) =>
    spanRecord(origin, { traceId: deadLettered, spanId: `d00000000000000${attempt + 1}`, serviceName: "ledger", kind: 5, name: "payments process", startMs: 25 + attempt * 5, durationMs: 1, statusCode: 2, statusMessage: "schema mismatch", messaging: messaging("consume", "payments", "payment.failed", failedId, "ledger") }),
  ),
  spanRecord(origin, { traceId: deadLettered, spanId: "d000000000000009", parentSpanId: "d000000000000003", serviceName: "ledger", kind: 4, name: "payments.dlq publish", startMs: 36, durationMs: 1, messaging: messaging("publish", "payments.dlq", "payment.failed", failedId) }),
];

beforeAll(async () => {
  await writer.write(records);
});

afterAll(async () => {
  await database.span.deleteMany({ where: { traceId: { in: traceIds } } });
  await database.spanLink.deleteMany({ where: { traceId: { in: traceIds } } });
  await database.spanKey.deleteMany({ where: { traceId: { in: traceIds } } });
  await writer.close();
  await reader.close();
  await database.$disconnect();
});

describe(`order flow (${config.provider})`, () => {
  it("stitches the producer trace, a consumer that only links back, a retry and a dead letter", async () => {
    const flow = await getOrderFlow(reader, { key: "order.id", value: orderId });
    expect(flow.traceIds).toEqual([producer, consumer, retried, deadLettered]);
    expect(flow.services).toEqual(["checkout", "payment", "notification", "ledger"]);
    expect(flow.truncated).toBe(false);
    expect(flow.hops.map((hop) => [hop.producer, hop.consumer, hop.eventType, hop.outcome, hop.retries])).toEqual([
      ["checkout", "payment", "order.placed", "ok", 0],
      ["payment", "notification", "payment.failed", "ok", 1],
      ["payment", "ledger", "payment.failed", "dead-lettered", 2],
    ]);
    expect(flow.hops[0]).toMatchObject({ eventVersion: "2", dwellMs: 10, matchedBy: "link", publishAt: (origin + 2_000_000n).toString(), processStartAt: (origin + 12_000_000n).toString() });
    expect(flow.hops[2]).toMatchObject({ matchedBy: "message-id", deadLetter: { destination: "payments.dlq", rule: "dead-letter-publish" } });
    expect(flow.edges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: "checkout", to: "payment", eventType: "order.placed", destination: "orders", count: 1, errors: 0 }),
        expect.objectContaining({ from: "payment", to: "notification", eventType: "payment.failed", destination: "payments", count: 1, errors: 0 }),
        expect.objectContaining({ from: "payment", to: "ledger", count: 1, errors: 1 }),
        expect.objectContaining({ from: "ledger", to: null, destination: "payments.dlq", deadLetter: true }),
      ]),
    );
    expect(flow.edges).toHaveLength(4);
  });

  it("answers an unknown key with an empty flow", async () => {
    expect(await getOrderFlow(reader, { key: "order.id", value: `${orderId}-none` })).toMatchObject({ traceIds: [], hops: [], edges: [] });
  });

  it("returns a trace with links both ways, the linked spans' names and its keys", async () => {
    const detail = await getTraceDetail(reader, producer);
    expect(detail.keys).toEqual([{ key: "order.id", value: orderId }]);
    expect(detail.spans.find((span) => span.spanId === "a000000000000002")?.linkedFrom).toEqual([{ traceId: consumer, spanId: "b000000000000001" }]);
    expect(detail.linkedSpans).toEqual([{ traceId: consumer, spanId: "b000000000000001", serviceName: "payment", name: "orders process" }]);
  });

  it("names the spans at both ends of a trace's links", async () => {
    const detail = await getTraceDetail(reader, consumer);
    expect(detail.spans.find((span) => span.spanId === "b000000000000001")?.linksTo).toEqual([{ traceId: producer, spanId: "a000000000000002" }]);
    expect(detail.linkedSpans).toEqual([
      { traceId: producer, spanId: "a000000000000002", serviceName: "checkout", name: "orders publish" },
      ...["c000000000000001", "c000000000000002"].map((spanId) => ({ traceId: retried, spanId, serviceName: "notification", name: "payments process" })),
    ]);
  });
});

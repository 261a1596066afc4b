import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBroker } from "../brokers/create-broker";
import { createDatabase } from "../db";
import { databaseConfig, parseEnv } from "../env";
import { createIngestService } from "../traces/ingest/ingest-service";
import { startOtlpPortListener } from "../traces/ingest/ingest-runtime";
import { createSpanWriter } from "../traces/span-store/create-span-writer";
import { demoServices } from "./demo-tracers";
import { runDemo, type DemoHandle } from "./run-demo";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
// Topics of their own, so neither other test files nor a running demo share these subscriptions.
const prefix = `es-demo-${randomUUID().slice(0, 8)}.`;
const service = createIngestService({
  database,
  writer: createSpanWriter(config),
  maxBodyBytes: 8 * 1024 * 1024,
  token: undefined,
  eventTypeAttributes: ["event.type"],
  businessKeyAttributes: ["order.id"],
  writeConcurrency: 1,
  maxPendingSpans: 20_000,
  maxRequestsInFlight: 16,
});
const server = startOtlpPortListener(service, 0, "127.0.0.1");
const broker = createBroker({ kind: "embedded", database, provider: config.provider, name: prefix, pollIntervalMs: 50 });
const problems: string[] = [];
let demo: DemoHandle;

async function deadLetterCount(): Promise<number> {
  return database.brokerDeadLetter.count({ where: { topicName: { startsWith: prefix }, status: "WAITING" } });
}

beforeAll(async () => {
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`;
  const started = await runDemo({
    broker,
    system: "embedded",
    otlp: { endpoint, exportEveryMs: 200 },
    ordersPerMinute: 600,
    destinationPrefix: prefix,
    timing: { checkout: [1, 5], payment: [1, 10], inventory: [20, 60], email: [1, 10], shipping: [1, 10], retryMs: 50 },
    onProblem: (problem) => problems.push(problem),
  });
  if (started.status !== "ok") throw new Error(started.error.message);
  demo = started.value;
}, 30_000);

afterAll(async () => {
  await demo?.stop();
  await broker.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await service.close();
  const topics = { startsWith: prefix };
  await database.brokerDeadLetter.deleteMany({ where: { topicName: topics } });
  await database.brokerMessage.deleteMany({ where: { topicName: topics } });
  await database.brokerTopic.deleteMany({ where: { name: topics } });
  const traces = await database.span.findMany({ where: { destination: topics }, select: { traceId: true }, distinct: ["traceId"] });
  const traceIds = { in: traces.map((row) => row.traceId) };
  await database.$transaction([database.spanLink.deleteMany({ where: { traceId: traceIds } }), database.spanKey.deleteMany({ where: { traceId: traceIds } }), database.span.deleteMany({ where: { traceId: traceIds } })]);
  await database.$disconnect();
});

describe("the demo order system on the embedded broker", () => {
  it("runs orders through all five services, dead-letters undeliverable emails, exports linked spans, and stops cleanly", async () => {
    const started = Date.now();
    const deadline = started + 20_000;
    while (Date.now() < deadline && (Date.now() - started < 3_000 || (await deadLetterCount()) === 0 || (await database.span.count({ where: { destination: `${prefix}order.shipped`, messagingRole: "consume" } })) === 0)) {
      await delay(250);
    }
    const stopping = Date.now();
    await demo.stop();
    expect(Date.now() - stopping).toBeLessThan(5_000);
    const placed = demo.ordersPlaced;
    expect(placed).toBeGreaterThan(20);
    await delay(300);
    expect(demo.ordersPlaced).toBe(placed);
    expect(problems).toEqual([]);

    // Dead letters: the email consumer gave up on the undeliverable customer's messages.
    const deadLetters = await broker.listDeadLetters({ filter: { destination: `${prefix}order.placed` }, limit: 10 });
    expect(deadLetters.status).toBe("ok");
    if (deadLetters.status !== "ok") return;
    expect(deadLetters.value.items[0]).toMatchObject({ consumer: "email", deliveryCount: 3, cause: "max-deliveries", reason: expect.stringContaining("mailbox unavailable") });

    // Spans: every service, every span with its order.id.
    const messaging = await database.span.findMany({ where: { destination: { startsWith: prefix } } });
    const traceIds = [...new Set(messaging.map((span) => span.traceId))];
    const spans = await database.span.findMany({ where: { traceId: { in: traceIds } } });
    expect(new Set(spans.map((span) => span.serviceName))).toEqual(new Set(demoServices));
    for (const span of spans) expect(JSON.parse(span.attributes), span.name).toHaveProperty("order.id", expect.stringMatching(/^ord_/));
    expect(messaging.every((span) => span.messagingSystem === "embedded")).toBe(true);

    // Producer → consumer: payment's process span is a child of checkout's send span of the same message.
    const sends = new Map(messaging.filter((span) => span.messagingRole === "publish").map((span) => [span.messageId, span]));
    const paymentProcess = messaging.find((span) => span.serviceName === "payment" && span.messagingRole === "consume")!;
    expect(paymentProcess).toMatchObject({ consumerGroup: "payment", eventType: "order.placed", kind: 5 });
    const orderSend = sends.get(paymentProcess.messageId)!;
    expect(orderSend).toMatchObject({ serviceName: "checkout", kind: 4, eventType: "order.placed" });
    expect(paymentProcess).toMatchObject({ traceId: orderSend.traceId, parentSpanId: orderSend.spanId });

    // Inventory starts a new trace for each message, linked to the producer's span.
    const inventoryProcess = messaging.find((span) => span.serviceName === "inventory" && span.destination === `${prefix}order.placed`)!;
    const inventorySend = sends.get(inventoryProcess.messageId)!;
    expect(inventoryProcess.parentSpanId).toBeNull();
    expect(inventoryProcess.traceId).not.toBe(inventorySend.traceId);
    const links = await database.spanLink.findMany({ where: { traceId: inventoryProcess.traceId, spanId: inventoryProcess.spanId } });
    expect(links).toEqual([expect.objectContaining({ linkedTraceId: inventorySend.traceId, linkedSpanId: inventorySend.spanId })]);

    // Shipping published order.shipped linked to the other half of its join.
    const shippedSend = messaging.find((span) => span.serviceName === "shipping" && span.messagingRole === "publish")!;
    expect(shippedSend.eventType).toBe("order.shipped");
    expect(await database.spanLink.count({ where: { traceId: shippedSend.traceId, spanId: shippedSend.spanId } })).toBe(1);

    // The email attempts that failed are errors; the last one says it was dead-lettered.
    const failedEmails = messaging.filter((span) => span.serviceName === "email" && span.statusCode === 2);
    expect(failedEmails.length).toBeGreaterThanOrEqual(3);
    expect(failedEmails.some((span) => JSON.parse(span.attributes)["eventscope.dead_lettered"] === true)).toBe(true);
  }, 40_000);
});

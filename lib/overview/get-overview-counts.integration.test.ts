import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createBroker } from "../brokers/create-broker";
import { createDatabase } from "../db";
import { seedDemoCatalog } from "../demo/seed-demo-catalog";
import { demoEventTypes } from "../demo/demo-catalog";
import { databaseConfig, parseEnv } from "../env";
import { spanKey, traceKey } from "../traces/span-store/span-keys";
import { getOverviewCounts } from "./get-overview-counts";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
const deadLetterTopic = `overview-test-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await database.span.deleteMany({ where: { traceId } });
  await database.brokerDeadLetter.deleteMany({ where: { topicName: deadLetterTopic } });
  await database.brokerTopic.deleteMany({ where: { name: deadLetterTopic } });
  await database.brokerOperationKey.deleteMany({ where: { broker: deadLetterTopic } });
  await database.$disconnect();
});

describe("getOverviewCounts", () => {
  it("counts the seeded catalog, and seeding again changes nothing", async () => {
    const before = await getOverviewCounts(database);
    // Other test files add event types to the same database; the demo catalog is the floor.
    expect(before.eventTypes).toBeGreaterThanOrEqual(demoEventTypes.length);
    await seedDemoCatalog(database);
    expect(await getOverviewCounts(database)).toEqual(before);
  });

  it("keeps an edit made after seeding when seeding again", async () => {
    await database.eventType.update({ where: { name: "order.placed" }, data: { description: "Edited by a user." } });
    await seedDemoCatalog(database);
    const row = await database.eventType.findUniqueOrThrow({ where: { name: "order.placed" } });
    expect(row.description).toBe("Edited by a user.");
  });

  it("counts stored spans, distinct services, and only waiting dead letters", async () => {
    const before = await getOverviewCounts(database);
    const start = 1_700_000_000_000_000_000n;
    const span = (spanId: string, serviceName: string) => ({
      traceId,
      spanId,
      traceKey: traceKey(traceId),
      spanKey: spanKey(spanId),
      serviceName,
      name: "order.placed publish",
      kind: 4,
      startTimeUnixNano: start,
      endTimeUnixNano: start + 2_000_000n,
      durationNano: 2_000_000n,
      statusCode: 0,
    });
    await database.span.createMany({ data: [span("00f067aa0ba902b7", "order-service"), span("00f067aa0ba902b8", "order-service"), span("00f067aa0ba902b9", "payment-service")] });
    // Two dead letters through the embedded broker itself, one of them then discarded.
    const broker = createBroker({ kind: "embedded", database, provider: config.provider, name: deadLetterTopic, pollIntervalMs: 20 });
    const consumer = await broker.subscribe({ destination: deadLetterTopic, consumer: "email", maxDeliveries: 1, ackTimeoutMs: 30_000 });
    if (consumer.status !== "ok") throw new Error(consumer.error.message);
    for (const text of ["m-1", "m-2"]) await broker.publish({ destination: deadLetterTopic, payload: new TextEncoder().encode(text) });
    const received = await consumer.value.receive({ max: 2, waitMs: 5_000 });
    if (received.status !== "ok") throw new Error(received.error.message);
    for (const message of received.value) await message.nack({ reason: "mailbox unavailable" });
    const page = await broker.listDeadLetters({ filter: { destination: deadLetterTopic }, limit: 10 });
    if (page.status !== "ok") throw new Error(page.error.message);
    expect(page.value.items).toHaveLength(2);
    await broker.discardDeadLetter({ id: page.value.items[0]!.id, idempotencyKey: `${deadLetterTopic}-discard` });
    await consumer.value.close();
    await broker.close();
    const after = await getOverviewCounts(database);
    expect(after.spansStored - before.spansStored).toBe(3);
    expect(after.servicesSeen - before.servicesSeen).toBe(2);
    expect(after.deadLettersWaiting - before.deadLettersWaiting).toBe(1);
  });
});

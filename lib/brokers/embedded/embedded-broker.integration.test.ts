import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../db";
import { databaseConfig, parseEnv } from "../../env";
import { describeBrokerContract } from "../contract/broker-contract";
import { createBroker } from "../create-broker";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
const namePrefix = `es-embedded-${randomUUID().slice(0, 8)}`;
const opened: { $disconnect(): Promise<void> }[] = [];

function postgresBroker(url: string) {
  const other = createDatabase({ provider: "postgresql", url });
  opened.push(other);
  return createBroker({ kind: "embedded", database: other, provider: "postgresql" });
}

afterAll(async () => {
  const mine = { startsWith: namePrefix };
  await database.brokerDeadLetter.deleteMany({ where: { topicName: mine } });
  await database.brokerMessage.deleteMany({ where: { topicName: mine } });
  await database.brokerTopic.deleteMany({ where: { name: mine } });
  await database.brokerOperationKey.deleteMany({ where: { broker: namePrefix } });
  await Promise.all([database, ...opened].map((client) => client.$disconnect()));
});

describeBrokerContract(`embedded (${config.provider})`, {
  namePrefix,
  settleMs: 5_000,
  makeBroker: async () => createBroker({ kind: "embedded", database, provider: config.provider, name: namePrefix, pollIntervalMs: 20 }),
  makeUnreachableBroker: async () => postgresBroker("postgresql://postgres@127.0.0.1:1/eventscope"),
  makeBrokerWithWrongCredentials: async () => postgresBroker("postgresql://eventscope_no_such_role:wrong@127.0.0.1:5432/postgres"),
});

describe(`the embedded broker on ${config.provider}`, () => {
  it("reports missing tables as a database that was not migrated", async () => {
    const other = createDatabase({ provider: "sqlite", url: `file:/tmp/${randomUUID()}.db`, filePath: "" });
    opened.push(other);
    const health = await createBroker({ kind: "embedded", database: other, provider: "sqlite" }).checkHealth();
    expect(health).toMatchObject({ status: "down", error: { code: "misconfigured", message: expect.stringContaining("migrated") } });
  });

  it("gives each delivery to one of several concurrent consumers", async () => {
    const broker = createBroker({ kind: "embedded", database, provider: config.provider, name: namePrefix, pollIntervalMs: 10 });
    const destination = `${namePrefix}-concurrent`;
    const consumers = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const result = await broker.subscribe({ destination, consumer: "pool", maxDeliveries: 5, ackTimeoutMs: 30_000 });
        if (result.status !== "ok") throw new Error(result.error.message);
        return result.value;
      }),
    );
    const total = 40;
    for (let index = 0; index < total; index += 1) {
      expect((await broker.publish({ destination, payload: new TextEncoder().encode(String(index)) })).status).toBe("published");
    }
    const seen: string[] = [];
    await Promise.all(
      consumers.map(async (consumer) => {
        for (;;) {
          const batch = await consumer.receive({ max: 3, waitMs: 200 });
          if (batch.status !== "ok") throw new Error(batch.error.message);
          if (batch.value.length === 0) return;
          for (const message of batch.value) {
            seen.push(message.messageId);
            expect(await message.ack()).toEqual({ status: "settled" });
          }
        }
      }),
    );
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    await broker.close();
  });

  it("publishes a replay once when the same request races itself, and once across different keys", async () => {
    const broker = createBroker({ kind: "embedded", database, provider: config.provider, name: namePrefix, pollIntervalMs: 10 });
    const destination = `${namePrefix}-race`;
    const subscribed = await broker.subscribe({ destination, consumer: "racer", maxDeliveries: 1, ackTimeoutMs: 30_000 });
    if (subscribed.status !== "ok") throw new Error(subscribed.error.message);
    const consumer = subscribed.value;
    for (const text of ["race 1", "race 2"]) await broker.publish({ destination, payload: new TextEncoder().encode(text) });
    const delivered = await consumer.receive({ max: 2, waitMs: 2_000 });
    if (delivered.status !== "ok") throw new Error(delivered.error.message);
    for (const message of delivered.value) await message.nack({ reason: "race" });
    const letters = await broker.listDeadLetters({ filter: { destination }, limit: 10 });
    if (letters.status !== "ok") throw new Error(letters.error.message);
    const [first, second] = letters.value.items;

    const key = randomUUID();
    const sameKey = await Promise.all([1, 2, 3, 4, 5].map(() => broker.replayDeadLetter({ id: first!.id, idempotencyKey: key })));
    expect(sameKey.filter((result) => result.status === "replayed" && !result.repeated)).toHaveLength(1);
    expect(new Set(sameKey.map((result) => (result.status === "replayed" ? result.messageId : result.status))).size).toBe(1);

    const otherKeys = await Promise.all([1, 2, 3, 4, 5].map(() => broker.replayDeadLetter({ id: second!.id, idempotencyKey: randomUUID() })));
    expect(otherKeys.filter((result) => result.status === "replayed")).toHaveLength(1);
    expect(otherKeys.filter((result) => result.status !== "replayed").every((result) => result.status === "failed" && result.error.code === "conflict")).toBe(true);

    const replayed = await consumer.receive({ max: 10, waitMs: 1_000 });
    if (replayed.status !== "ok") throw new Error(replayed.error.message);
    const more = await consumer.receive({ max: 10, waitMs: 500 });
    expect(replayed.value.length + (more.status === "ok" ? more.value.length : 99)).toBe(2);
    await broker.close();
  });
});

import { randomUUID } from "node:crypto";
import { connect } from "amqplib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../db";
import { databaseConfig, parseEnv } from "../../env";
import { deadLettersOf, decode, encode, receiveUpTo, value } from "../contract/contract-helpers";
import type { Broker } from "../types";
import { createRabbitmqBroker } from "./create-rabbitmq-broker";
import { declaredNames, rabbitmqUrl } from "./rabbitmq-test-support";
import { consumerTopology } from "./rabbitmq-topology";

const database = createDatabase(databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") })));
const namePrefix = `es-rabbitmq-dl-${randomUUID().slice(0, 8)}`;
const names = declaredNames();
let broker: Broker;
let counter = 0;
const unique = (label: string) => `${namePrefix}-${label}-${(counter += 1)}`;

beforeAll(() => {
  broker = names.track(createRabbitmqBroker({ kind: "rabbitmq", url: rabbitmqUrl, database, name: namePrefix, pollIntervalMs: 20 }));
});

afterAll(async () => {
  await broker.close();
  await names.removeAll();
  await database.brokerOperationKey.deleteMany({ where: { broker: { startsWith: namePrefix } } });
  await database.$disconnect();
});

async function subscribe(destination: string, consumer: string, maxDeliveries: number, ackTimeoutMs = 30_000) {
  return value(await broker.subscribe({ destination, consumer, maxDeliveries, ackTimeoutMs }));
}

describe("the RabbitMQ adapter's dead letters", () => {
  it("reads a message RabbitMQ dead-lettered itself from x-death, and replays it to its exchange and routing key", async () => {
    const consumer = await subscribe(unique("native"), "foreign", 5);
    expect((await broker.publish({ destination: consumer.destination, payload: encode("rejected elsewhere"), key: "order.eu.42", messageId: "native-1" })).status).toBe("published");
    // Another application on the same queue rejects the message without requeueing it.
    const model = await connect(rabbitmqUrl);
    try {
      const channel = await model.createChannel();
      const queue = consumerTopology(consumer.destination, "foreign").queue;
      let message = await channel.get(queue);
      for (let tries = 0; message === false && tries < 50; tries += 1) message = await channel.get(queue);
      expect(message).not.toBe(false);
      if (message !== false) channel.nack(message, false, false);
      await channel.close();
    } finally {
      await model.close();
    }
    const [summary] = await deadLettersOf(broker, consumer.destination, 1, 5_000);
    expect(summary).toMatchObject({ consumer: "foreign", messageId: "native-1", key: "order.eu.42", cause: "rejected", reason: "rejected by a consumer", deliveryCount: 1 });
    expect(Math.abs(summary!.lastDeathAt.getTime() - Date.now())).toBeLessThan(10_000);
    const read = await broker.readDeadLetter(summary!.id);
    if (read.status !== "ok") throw new Error(`expected the dead letter, got ${read.status}`);
    const letter = read.value;
    expect(JSON.parse(letter.headers["x-death"]!)).toMatchObject([{ reason: "rejected", exchange: consumer.destination, "routing-keys": ["order.eu.42"] }]);

    const replayed = await broker.replayDeadLetter({ id: summary!.id, idempotencyKey: randomUUID() });
    expect(replayed).toMatchObject({ status: "replayed", destination: consumer.destination, repeated: false });
    const [again] = await receiveUpTo(consumer, 1, 5_000);
    expect(again).toMatchObject({ key: "order.eu.42", deliveryCount: 1, headers: { "x-eventscope-replay-of": summary!.id } });
    expect(again!.headers["x-death"]).toBeUndefined();
    expect(decode(again!.payload)).toBe("rejected elsewhere");
    await again!.ack();
  });

  it("dead-letters a message whose last lease ran out", async () => {
    const consumer = await subscribe(unique("lease"), "sleepy", 1, 300);
    await broker.publish({ destination: consumer.destination, payload: encode("never acked") });
    expect(await receiveUpTo(consumer, 1, 5_000)).toHaveLength(1);
    const [summary] = await deadLettersOf(broker, consumer.destination, 1, 5_000);
    expect(summary).toMatchObject({ cause: "max-deliveries", deliveryCount: 1, reason: expect.stringContaining("ack timeout") });
    expect(value(await consumer.receive({ max: 1, waitMs: 300 }))).toHaveLength(0);
  });

  it("publishes a replay once when the same request races itself, and once across different keys", async () => {
    const consumer = await subscribe(unique("race"), "racer", 1);
    for (const text of ["race 1", "race 2"]) await broker.publish({ destination: consumer.destination, payload: encode(text) });
    for (const message of await receiveUpTo(consumer, 2, 5_000)) await message.nack({ reason: "race" });
    const [first, second] = await deadLettersOf(broker, consumer.destination, 2, 5_000);

    const key = randomUUID();
    const sameKey = await Promise.all([1, 2, 3, 4, 5].map(() => broker.replayDeadLetter({ id: first!.id, idempotencyKey: key })));
    expect(sameKey.filter((result) => result.status === "replayed" && !result.repeated)).toHaveLength(1);
    expect(new Set(sameKey.map((result) => (result.status === "replayed" ? result.messageId : result.status))).size).toBe(1);

    const otherKeys = await Promise.all([1, 2, 3, 4, 5].map(() => broker.replayDeadLetter({ id: second!.id, idempotencyKey: randomUUID() })));
    expect(otherKeys.filter((result) => result.status === "replayed")).toHaveLength(1);
    expect(otherKeys.filter((result) => result.status !== "replayed").every((result) => result.status === "failed" && result.error.code === "conflict")).toBe(true);

    const replayed = await receiveUpTo(consumer, 3, 2_000);
    expect(replayed.map((message) => decode(message.payload)).sort()).toEqual(["race 1", "race 2"]);
    for (const message of replayed) await message.ack();
  });

  it("refuses to replay to a destination that does not exist, and keeps the dead letter", async () => {
    const consumer = await subscribe(unique("nowhere"), "worker", 1);
    await broker.publish({ destination: consumer.destination, payload: encode("stuck") });
    const [message] = await receiveUpTo(consumer, 1, 5_000);
    await message!.nack({ reason: "bug" });
    const [letter] = await deadLettersOf(broker, consumer.destination, 1, 5_000);
    const result = await broker.replayDeadLetter({ id: letter!.id, idempotencyKey: randomUUID(), destination: unique("missing") });
    expect(result).toMatchObject({ status: "failed", error: { code: "invalid" } });
    expect(await deadLettersOf(broker, consumer.destination, 1, 5_000)).toEqual([letter]);
  });
});

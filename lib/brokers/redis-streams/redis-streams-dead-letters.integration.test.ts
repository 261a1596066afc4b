import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decode, makeDeadLetter, publishText, receiveUpTo, value } from "../contract/contract-helpers";
import { replayHeaders } from "../headers";
import type { Consumer } from "../messaging-client";
import type { Broker } from "../types";
import { redisUrl, removeKeys, testBroker, testKeyPrefix } from "./redis-test-support";

const keyPrefix = testKeyPrefix();
const otherPrefix = testKeyPrefix();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
let broker: Broker;
let raw: Redis;
let counter = 0;
const unique = (label: string) => `${label}-${(counter += 1)}`;

async function subscribe(destination: string, consumer: string, maxDeliveries = 5, ackTimeoutMs = 30_000): Promise<Consumer> {
  return value(await broker.subscribe({ destination, consumer, maxDeliveries, ackTimeoutMs }));
}

async function deadLetters(destination: string, target: Broker = broker) {
  return value(await target.listDeadLetters({ filter: { destination }, limit: 100 })).items;
}

beforeAll(async () => {
  broker = testBroker(keyPrefix);
  raw = new Redis(redisUrl, { protocol: 2 });
});

afterAll(async () => {
  await broker.close();
  raw.disconnect();
  await Promise.all([removeKeys(keyPrefix), removeKeys(otherPrefix)]);
});

describe("the Redis Streams broker's delivery and dead letters", () => {
  it("dead-letters an entry whose last delivery was never acknowledged", async () => {
    const consumer = await subscribe(unique("expire"), "sleepy", 1, 300);
    const messageId = await publishText(broker, consumer.destination, "never acked");
    expect(await receiveUpTo(consumer, 1, 2_000)).toHaveLength(1);
    await sleep(400);
    expect(value(await consumer.receive({ max: 1, waitMs: 0 }))).toHaveLength(0);
    const [letter] = await deadLetters(consumer.destination);
    expect(letter).toMatchObject({ messageId, consumer: "sleepy", cause: "max-deliveries", deliveryCount: 1, deadLetterDestination: `${consumer.destination}:dlq` });
    expect(letter!.reason).toContain("ack timeout");
    expect(value(await broker.readLag({ destination: consumer.destination }))).toMatchObject([{ waiting: 0, inFlight: 0 }]);
  });

  it("gives each entry to one member of a group", async () => {
    const destination = unique("pool");
    const members = await Promise.all([1, 2, 3, 4].map(() => subscribe(destination, "pool")));
    for (let index = 0; index < 40; index += 1) await publishText(broker, destination, String(index));
    const seen: string[] = [];
    await Promise.all(
      members.map(async (member) => {
        for (;;) {
          const batch = value(await member.receive({ max: 3, waitMs: 200 }));
          if (batch.length === 0) return;
          for (const message of batch) {
            seen.push(decode(message.payload));
            expect(await message.ack()).toEqual({ status: "settled" });
          }
        }
      }),
    );
    expect(seen.sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 40 }, (_, index) => String(index)));
  });

  it("answers lease-lost to a member whose entry another member took over", async () => {
    const destination = unique("lease");
    const first = await subscribe(destination, "leases", 5, 200);
    const second = await subscribe(destination, "leases", 5, 200);
    await publishText(broker, destination, "contested");
    const [stale] = await receiveUpTo(first, 1, 2_000);
    await sleep(300);
    const [fresh] = await receiveUpTo(second, 1, 2_000);
    expect(fresh).toMatchObject({ messageId: stale!.messageId, deliveryCount: 2 });
    expect(await stale!.ack()).toEqual({ status: "lease-lost" });
    expect(await stale!.nack()).toEqual({ status: "lease-lost" });
    expect(await fresh!.ack()).toEqual({ status: "settled" });
  });

  it("redelivers a nacked entry after its delay and not before", async () => {
    const consumer = await subscribe(unique("delay"), "patient");
    await publishText(broker, consumer.destination, "later");
    const [message] = await receiveUpTo(consumer, 1, 2_000);
    expect(await message!.nack({ delayMs: 800 })).toEqual({ status: "settled" });
    expect(value(await consumer.receive({ max: 1, waitMs: 300 }))).toHaveLength(0);
    await sleep(600);
    const [again] = await receiveUpTo(consumer, 1, 2_000);
    expect(again).toMatchObject({ messageId: message!.messageId, deliveryCount: 2 });
    await again!.ack();
  });

  it("keeps binary payloads intact through delivery, dead-lettering and reading", async () => {
    const consumer = await subscribe(unique("binary"), "bytes", 1);
    const payload = new Uint8Array([0, 255, 254, 10, 13, 0xc3, 0x28]);
    expect(await broker.publish({ destination: consumer.destination, payload })).toMatchObject({ status: "published" });
    const [message] = await receiveUpTo(consumer, 1, 2_000);
    expect([...message!.payload]).toEqual([...payload]);
    await message!.nack({ reason: "not utf-8" });
    const [summary] = await deadLetters(consumer.destination);
    const letter = await broker.readDeadLetter(summary!.id);
    expect(letter.status).toBe("ok");
    if (letter.status !== "ok") return;
    expect([...letter.value.payload]).toEqual([...payload]);
    expect(summary!.payloadBytes).toBe(payload.byteLength);
  });

  it("carries the first death across a replay that dies again", async () => {
    const consumer = await subscribe(unique("twice"), "unlucky", 1);
    await makeDeadLetter(broker, consumer, "dies twice", "first", 1, 2_000);
    const [first] = await deadLetters(consumer.destination);
    await sleep(20);
    expect(await broker.replayDeadLetter({ id: first!.id, idempotencyKey: randomUUID() })).toMatchObject({ status: "replayed" });
    const [replayed] = await receiveUpTo(consumer, 1, 2_000);
    expect(replayed!.headers).toMatchObject({ [replayHeaders.replayOf]: first!.id, [replayHeaders.firstDeathAt]: String(first!.firstDeathAt.getTime()) });
    await replayed!.nack({ reason: "second" });
    const [second] = await deadLetters(consumer.destination);
    expect(second!.reason).toBe("second");
    expect(second!.firstDeathAt.getTime()).toBe(first!.firstDeathAt.getTime());
    expect(second!.lastDeathAt.getTime()).toBeGreaterThan(first!.lastDeathAt.getTime());
  });

  it("publishes a replay once when the same request races itself, and once across different keys", async () => {
    const consumer = await subscribe(unique("race"), "racer", 1);
    await makeDeadLetter(broker, consumer, "race 1", "race", 1, 2_000);
    await makeDeadLetter(broker, consumer, "race 2", "race", 1, 2_000);
    const [first, second] = await deadLetters(consumer.destination);
    const key = randomUUID();
    const sameKey = await Promise.all([1, 2, 3, 4, 5].map(() => broker.replayDeadLetter({ id: first!.id, idempotencyKey: key })));
    expect(sameKey.filter((result) => result.status === "replayed" && !result.repeated)).toHaveLength(1);
    expect(new Set(sameKey.map((result) => (result.status === "replayed" ? result.messageId : result.status))).size).toBe(1);
    const otherKeys = await Promise.all([1, 2, 3, 4, 5].map(() => broker.replayDeadLetter({ id: second!.id, idempotencyKey: randomUUID() })));
    expect(otherKeys.filter((result) => result.status === "replayed")).toHaveLength(1);
    expect(otherKeys.filter((result) => result.status !== "replayed").every((result) => result.status === "failed" && result.error.code === "conflict")).toBe(true);
    expect(await receiveUpTo(consumer, 3, 1_500)).toHaveLength(2);
  });

  it("refuses to replay into a destination that does not exist", async () => {
    const consumer = await subscribe(unique("nowhere"), "worker", 1);
    await makeDeadLetter(broker, consumer, "stay", "bug", 1, 2_000);
    const [letter] = await deadLetters(consumer.destination);
    const result = await broker.replayDeadLetter({ id: letter!.id, idempotencyKey: randomUUID(), destination: unique("missing") });
    expect(result).toMatchObject({ status: "failed", error: { code: "invalid" } });
    expect(await deadLetters(consumer.destination)).toHaveLength(1);
  });

  it("reads, dead-letters and replays entries another producer wrote, field for field", async () => {
    const consumer = await subscribe(unique("foreign"), "reader", 1);
    const stream = `${keyPrefix}${consumer.destination}`;
    const entryId = await raw.xadd(stream, "*", "order", "42", "status", "placed");
    const [message] = await receiveUpTo(consumer, 1, 2_000);
    expect(message).toMatchObject({ messageId: entryId, headers: {}, key: null });
    expect(JSON.parse(decode(message!.payload))).toEqual({ order: "42", status: "placed" });
    await message!.nack({ reason: "foreign" });
    const [letter] = await deadLetters(consumer.destination);
    expect(letter).toMatchObject({ messageId: null, reason: "foreign" });
    const replayed = await broker.replayDeadLetter({ id: letter!.id, idempotencyKey: randomUUID() });
    expect(replayed.status).toBe("replayed");
    const [[newId, fields]] = (await raw.xrevrange(stream, "+", "-", "COUNT", 1)) as [[string, string[]]];
    expect(replayed.status === "replayed" && replayed.messageId).toBe(newId);
    expect(fields).toEqual(["order", "42", "status", "placed"]);
  });

  it("lists dead letters across destinations newest first, page by page", async () => {
    const other = testBroker(otherPrefix);
    try {
      const consumers = await Promise.all(["a", "b", "c"].map(async (name) => value(await other.subscribe({ destination: name, consumer: "worker", maxDeliveries: 1, ackTimeoutMs: 30_000 }))));
      for (let round = 0; round < 3; round += 1) {
        for (const consumer of consumers) await makeDeadLetter(other, consumer, `${consumer.destination}${round}`, "listed", 1, 2_000);
      }
      const seen: { id: string; at: number }[] = [];
      let cursor: string | undefined;
      do {
        const page = value(await other.listDeadLetters({ limit: 2, cursor }));
        seen.push(...page.items.map((letter) => ({ id: letter.id, at: letter.lastDeathAt.getTime() })));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(seen).toHaveLength(9);
      expect(new Set(seen.map((letter) => letter.id)).size).toBe(9);
      expect(seen.map((letter) => letter.at)).toEqual(seen.map((letter) => letter.at).sort((a, b) => b - a));
      const description = value(await other.describe());
      expect(description.destinations.map((destination) => destination.name)).toEqual(["a", "b", "c"]);
      expect(description.destinations[0]).toMatchObject({ kind: "stream", depth: 0, deadLetterDestination: "a:dlq", consumers: [{ name: "worker", maxDeliveries: 1 }] });
    } finally {
      await other.close();
    }
  });

  it("says so when a consumer's group was removed under it", async () => {
    const consumer = await subscribe(unique("destroyed"), "gone");
    await raw.xgroup("DESTROY", `${keyPrefix}${consumer.destination}`, "gone");
    expect(await consumer.receive({ max: 1, waitMs: 0 })).toMatchObject({ status: "failed", error: { code: "misconfigured" } });
  });

  it("refuses a page size it will not serve and an empty idempotency key", async () => {
    expect(await broker.listDeadLetters({ limit: 0 })).toMatchObject({ status: "failed", error: { code: "invalid" } });
    expect(await broker.discardDeadLetter({ id: "1-0@x", idempotencyKey: " " })).toMatchObject({ status: "failed", error: { code: "invalid" } });
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Broker } from "../types";
import { deadLettersOf, decode, encode, eventually, makeDeadLetter, publishText, receiveUpTo, value } from "./contract-helpers";

/** How the contract suite gets brokers to test. */
export interface ContractSubject {
  /** A broker connected to the real server (or database); the suite closes it. */
  makeBroker(): Promise<Broker>;
  /** The same adapter pointed at nothing that answers (a closed port, a stopped server). */
  makeUnreachableBroker(): Promise<Broker>;
  /** The same adapter with credentials the server refuses, where the server checks any. */
  makeBrokerWithWrongCredentials?(): Promise<Broker>;
  /** Destinations and consumers the suite creates start with this; unique per run by default. */
  namePrefix?: string;
  /** How long readings (lag, dead-letter lists) may take to catch up; 10 s by default. */
  settleMs?: number;
}

/**
 * The behaviour every broker adapter must show, registered as vitest tests. Each test uses
 * its own destination, so adapters may share a server with other users and earlier runs.
 */
export function describeBrokerContract(name: string, subject: ContractSubject): void {
  const prefix = subject.namePrefix ?? `es-contract-${randomUUID().slice(0, 8)}`;
  const settleMs = subject.settleMs ?? 10_000;
  let broker: Broker;
  let counter = 0;
  const unique = (label: string) => `${prefix}-${label}-${(counter += 1)}`;
  const subscribe = async (destination: string, consumer: string, maxDeliveries = 5, ackTimeoutMs = 30_000) =>
    value(await broker.subscribe({ destination, consumer, maxDeliveries, ackTimeoutMs }));

  describe(`broker contract: ${name}`, () => {
    beforeAll(async () => {
      broker = await subject.makeBroker();
    });
    afterAll(async () => {
      await broker.close();
    });

    it("is healthy", async () => {
      expect(await broker.checkHealth()).toMatchObject({ status: "up" });
    });

    it("publishes with headers and key, consumes, and does not deliver an acked message again", async () => {
      const consumer = await subscribe(unique("basic"), "reader");
      const sent = await broker.publish({ destination: consumer.destination, payload: encode('{"order":1}'), headers: { "x-trace": "abc" }, key: "order-1" });
      expect(sent.status).toBe("published");
      const [message, ...rest] = await receiveUpTo(consumer, 1, settleMs);
      expect(rest).toHaveLength(0);
      expect(message).toMatchObject({ destination: consumer.destination, deliveryCount: 1, headers: { "x-trace": "abc" } });
      expect(sent.status === "published" && message?.messageId === sent.messageId).toBe(true);
      expect(decode(message!.payload)).toBe('{"order":1}');
      expect(await message!.ack()).toEqual({ status: "settled" });
      expect(value(await consumer.receive({ max: 1, waitMs: 500 }))).toHaveLength(0);
    });

    it("delivers each message to every consumer of the destination", async () => {
      const destination = unique("fanout");
      const first = await subscribe(destination, "first");
      const second = await subscribe(destination, "second");
      await publishText(broker, destination, "hello");
      for (const consumer of [first, second]) {
        const received = await receiveUpTo(consumer, 1, settleMs);
        expect(received.map((message) => decode(message.payload))).toEqual(["hello"]);
        await received[0]!.ack();
      }
    });

    it("redelivers a message whose ack timeout passed", async () => {
      const consumer = await subscribe(unique("timeout"), "slow", 5, 1_000);
      const messageId = await publishText(broker, consumer.destination, "slow");
      const [first] = await receiveUpTo(consumer, 1, settleMs);
      expect(first?.messageId).toBe(messageId);
      const [again] = await receiveUpTo(consumer, 1, settleMs);
      expect(again).toMatchObject({ messageId, deliveryCount: 2 });
      expect(await again!.ack()).toEqual({ status: "settled" });
    });

    it("redelivers a nacked message, then dead-letters it with reason and metadata", async () => {
      const before = Date.now();
      const consumer = await subscribe(unique("fail"), "payment", 3);
      const messageId = await makeDeadLetter(broker, consumer, '{"order":"fails"}', "card declined", 3, settleMs);
      expect(value(await consumer.receive({ max: 1, waitMs: 500 }))).toHaveLength(0);
      const [summary] = await deadLettersOf(broker, consumer.destination, 1, settleMs);
      expect(summary).toMatchObject({ originalDestination: consumer.destination, consumer: "payment", messageId, cause: "max-deliveries", deliveryCount: 3 });
      expect(summary!.reason).toContain("card declined");
      expect(summary!.firstDeathAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
      expect(summary!.lastDeathAt.getTime()).toBeGreaterThanOrEqual(summary!.firstDeathAt.getTime());
      const letter = await broker.readDeadLetter(summary!.id);
      expect(letter.status).toBe("ok");
      if (letter.status !== "ok") return;
      expect(decode(letter.value.payload)).toBe('{"order":"fails"}');
      expect(letter.value.headers).toMatchObject({ "x-contract": "dead" });
    });

    it("lists dead letters newest first, in pages, with filters", async () => {
      const consumer = await subscribe(unique("list"), "lister", 1);
      const reasons = ["timeout talking to bank", "card declined", "card declined", "schema mismatch", "card expired"];
      for (const [index, reason] of reasons.entries()) {
        await makeDeadLetter(broker, consumer, `{"n":${index},"note":"${index % 2 === 0 ? "Needle" : "hay"}"}`, reason, 1, settleMs);
      }
      const all = await deadLettersOf(broker, consumer.destination, 5, settleMs);
      const times = all.map((letter) => letter.lastDeathAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));

      const seen: string[] = [];
      let cursor: string | undefined;
      for (const size of [2, 2, 1]) {
        const page = value(await broker.listDeadLetters({ filter: { destination: consumer.destination }, limit: 2, cursor }));
        expect(page.items).toHaveLength(size);
        seen.push(...page.items.map((letter) => letter.id));
        cursor = page.nextCursor ?? undefined;
      }
      expect(cursor).toBeUndefined();
      expect(new Set(seen)).toEqual(new Set(all.map((letter) => letter.id)));

      const count = async (filter: object) => value(await broker.listDeadLetters({ filter: { destination: consumer.destination, ...filter }, limit: 100 })).items.length;
      expect(await count({ reason: "CARD" })).toBe(3);
      expect(await count({ text: "needle" })).toBe(3);
      expect(await count({ since: new Date(Date.now() + 60_000) })).toBe(0);
      expect(await count({ until: new Date(Date.now() - 3_600_000) })).toBe(0);
      expect(await count({ since: new Date(Date.now() - 3_600_000), until: new Date(Date.now() + 60_000) })).toBe(5);
      expect(value(await broker.listDeadLetters({ filter: { destination: unique("nothing") }, limit: 10 })).items).toHaveLength(0);
      const bad = await broker.listDeadLetters({ filter: { destination: consumer.destination }, limit: 2, cursor: "not-a-cursor" });
      expect(bad).toMatchObject({ status: "failed", error: { code: "invalid" } });
    });

    it("replays a dead letter exactly once under one key, and it is consumed again", async () => {
      const consumer = await subscribe(unique("replay"), "worker", 1);
      await makeDeadLetter(broker, consumer, "replay me", "boom", 1, settleMs);
      const [letter] = await deadLettersOf(broker, consumer.destination, 1, settleMs);
      const key = randomUUID();
      const first = await broker.replayDeadLetter({ id: letter!.id, idempotencyKey: key });
      const second = await broker.replayDeadLetter({ id: letter!.id, idempotencyKey: key });
      expect(first).toMatchObject({ status: "replayed", destination: consumer.destination, repeated: false });
      expect(second).toMatchObject({ status: "replayed", repeated: true });
      expect(first.status === "replayed" && second.status === "replayed" && first.messageId === second.messageId).toBe(true);
      const received = await receiveUpTo(consumer, 2, 3_000);
      expect(received.map((message) => decode(message.payload))).toEqual(["replay me"]);
      expect(await received[0]!.ack()).toEqual({ status: "settled" });
      await deadLettersOf(broker, consumer.destination, 0, settleMs);
      expect(await broker.readDeadLetter(letter!.id)).toEqual({ status: "not-found" });
      expect(["not-found", "failed"]).toContain((await broker.replayDeadLetter({ id: letter!.id, idempotencyKey: randomUUID() })).status);
    });

    it("replays to a chosen destination", async () => {
      const consumer = await subscribe(unique("reroute-from"), "worker", 1);
      const target = await subscribe(unique("reroute-to"), "fixed-worker");
      await makeDeadLetter(broker, consumer, "reroute me", "bug", 1, settleMs);
      const [letter] = await deadLettersOf(broker, consumer.destination, 1, settleMs);
      const result = await broker.replayDeadLetter({ id: letter!.id, idempotencyKey: randomUUID(), destination: target.destination });
      expect(result).toMatchObject({ status: "replayed", destination: target.destination });
      const received = await receiveUpTo(target, 1, settleMs);
      expect(received.map((message) => decode(message.payload))).toEqual(["reroute me"]);
      await received[0]!.ack();
      expect(value(await consumer.receive({ max: 1, waitMs: 300 }))).toHaveLength(0);
    });

    it("discards a dead letter idempotently and refuses a key reused for another operation", async () => {
      const consumer = await subscribe(unique("discard"), "worker", 1);
      await makeDeadLetter(broker, consumer, "drop me", "poison", 1, settleMs);
      await makeDeadLetter(broker, consumer, "keep me", "poison", 1, settleMs);
      const [newer, older] = await deadLettersOf(broker, consumer.destination, 2, settleMs);
      const key = randomUUID();
      expect(await broker.discardDeadLetter({ id: older!.id, idempotencyKey: key })).toEqual({ status: "discarded", repeated: false });
      expect(await broker.discardDeadLetter({ id: older!.id, idempotencyKey: key })).toEqual({ status: "discarded", repeated: true });
      expect(await broker.readDeadLetter(older!.id)).toEqual({ status: "not-found" });
      expect(await broker.replayDeadLetter({ id: newer!.id, idempotencyKey: key })).toMatchObject({ status: "failed", error: { code: "conflict" } });
      const remaining = await deadLettersOf(broker, consumer.destination, 1, settleMs);
      expect(remaining.map((letter) => letter.id)).toEqual([newer!.id]);
      expect(value(await consumer.receive({ max: 1, waitMs: 300 }))).toHaveLength(0);
    });

    it("answers not-found for a dead letter that does not exist", async () => {
      expect(await broker.readDeadLetter("999999999")).toEqual({ status: "not-found" });
      expect(await broker.discardDeadLetter({ id: "999999999", idempotencyKey: randomUUID() })).toEqual({ status: "not-found" });
    });

    it("moves lag readings with publishing, delivering and acknowledging", async () => {
      const consumer = await subscribe(unique("lag"), "lagging");
      const lag = async () => {
        const readings = value(await broker.readLag({ destination: consumer.destination, consumer: "lagging" }));
        expect(readings).toHaveLength(1);
        return readings[0]!;
      };
      for (let index = 0; index < 5; index += 1) await publishText(broker, consumer.destination, `m${index}`);
      const published = await eventually(async () => {
        const reading = await lag();
        expect(reading).toMatchObject({ destination: consumer.destination, consumer: "lagging", waiting: 5 });
        expect(reading.inFlight ?? 0).toBe(0);
        return reading;
      }, settleMs);
      expect(published.oldestWaitingAgeMs === null || published.oldestWaitingAgeMs >= 0).toBe(true);
      const delivered = await receiveUpTo(consumer, 2, settleMs);
      expect(delivered).toHaveLength(2);
      await eventually(async () => expect(await lag()).toMatchObject({ waiting: 3, inFlight: 2 }), settleMs);
      for (const message of delivered) await message.ack();
      await eventually(async () => expect(await lag()).toMatchObject({ waiting: 3, inFlight: 0 }), settleMs);
    });

    it("describes its destinations and their consumers", async () => {
      const consumer = await subscribe(unique("describe"), "described", 4);
      const description = value(await broker.describe());
      const destination = description.destinations.find((candidate) => candidate.name === consumer.destination);
      expect(destination?.consumers.map((info) => info.name)).toContain("described");
    });

    it("gives a clear error when the broker is unreachable", async () => {
      const unreachable = await subject.makeUnreachableBroker();
      try {
        const health = await unreachable.checkHealth();
        expect(health).toMatchObject({ status: "down", error: { code: "unreachable" } });
        expect(health.status === "down" && health.error.message.length > 0 && !health.error.message.includes("\n")).toBe(true);
        expect(await unreachable.describe()).toMatchObject({ error: { code: "unreachable" } });
        expect(await unreachable.publish({ destination: unique("nowhere"), payload: encode("x") })).toMatchObject({ error: { code: "unreachable" } });
      } finally {
        await unreachable.close();
      }
    });

    it.skipIf(subject.makeBrokerWithWrongCredentials === undefined)("gives a clear error when the credentials are wrong", async () => {
      const refused = await subject.makeBrokerWithWrongCredentials!();
      try {
        expect(await refused.checkHealth()).toMatchObject({ status: "down", error: { code: "unauthorized" } });
      } finally {
        await refused.close();
      }
    });
  });
}

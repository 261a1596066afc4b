import { randomUUID } from "node:crypto";
import { failed, ok, type BrokerResult } from "../broker-result";
import { parseHeadersJson } from "../headers";
import type { Consumer, OutgoingMessage, PublishResult, ReceivedMessage, ReceiveOptions, SettleResult, SubscribeOptions } from "../messaging-client";
import type { MessageHeaders } from "../types";
import { pause, type EmbeddedContext } from "./embedded-context";
import { storeDeadLetters } from "./embedded-dead-lettering";
import { guarded, guardedOutcome } from "./embedded-errors";
import { claimDeliveries, ensureTopic, fanOut, takeExpiredAtMax, takeLeased, type Executor } from "./embedded-sql";

export interface StoredMessage {
  id: string;
  topic: string;
  payload: Uint8Array;
  headers: MessageHeaders;
  key: string | null;
}

/**
 * Stores a message and one delivery per current subscription; returns how many deliveries.
 * Run it in a transaction: the message is published exactly when that transaction commits.
 * A topic without subscriptions keeps nothing, as in any publish/subscribe broker.
 */
export async function insertMessage(database: Executor, message: StoredMessage, nowMs: number): Promise<number> {
  await ensureTopic(database, message.topic, nowMs);
  await database.brokerMessage.create({
    data: {
      id: message.id,
      topicName: message.topic,
      key: message.key,
      payload: new Uint8Array(message.payload),
      headers: JSON.stringify(message.headers),
      publishedAtMs: BigInt(nowMs),
    },
  });
  const deliveries = await fanOut(database, message.topic, message.id, nowMs);
  if (deliveries === 0) await database.brokerMessage.delete({ where: { id: message.id } });
  return deliveries;
}

/** Resolves after the commit, so a published message survives a crash of this process. */
export async function publish(context: EmbeddedContext, message: OutgoingMessage): Promise<PublishResult> {
  if (message.destination.length === 0) return failed("invalid", "a message needs a destination");
  const id = message.messageId ?? randomUUID();
  const stored: StoredMessage = { id, topic: message.destination, payload: message.payload, headers: message.headers ?? {}, key: message.key ?? null };
  const result = await guarded(() => context.database.$transaction((tx) => insertMessage(tx, stored, Date.now())));
  return result.status === "ok" ? { status: "published", messageId: id } : result;
}

interface SubscriptionRow {
  id: string;
  topicName: string;
  name: string;
  maxDeliveries: number;
  ackTimeoutMs: number;
}

export async function subscribe(context: EmbeddedContext, options: SubscribeOptions): Promise<BrokerResult<Consumer>> {
  if (!Number.isInteger(options.maxDeliveries) || options.maxDeliveries < 1) return failed("invalid", "maxDeliveries must be a whole number of at least 1");
  if (!Number.isInteger(options.ackTimeoutMs) || options.ackTimeoutMs < 1) return failed("invalid", "ackTimeoutMs must be a whole number of milliseconds");
  if (options.destination.length === 0 || options.consumer.length === 0) return failed("invalid", "a subscription needs a destination and a consumer name");
  const { database } = context;
  const settings = { maxDeliveries: options.maxDeliveries, ackTimeoutMs: options.ackTimeoutMs };
  const result = await guarded(async () => {
    const [, subscription] = await database.$transaction([
      ensureTopic(database, options.destination, Date.now()),
      database.brokerSubscription.upsert({
        where: { topicName_name: { topicName: options.destination, name: options.consumer } },
        create: { id: randomUUID(), topicName: options.destination, name: options.consumer, createdAtMs: BigInt(Date.now()), ...settings },
        update: settings,
      }),
    ]);
    return subscription;
  });
  if (result.status !== "ok") return result;
  return ok(createConsumer(context, result.value));
}

const settled: SettleResult = { status: "settled" };
const sweepEveryMs = 60_000;
const leaseLost: SettleResult = { status: "lease-lost" };

function createConsumer(context: EmbeddedContext, subscription: SubscriptionRow): Consumer {
  const { database, provider } = context;
  const closing = new AbortController();
  const signal = AbortSignal.any([closing.signal, context.closing.signal]);
  // Expired last leases are dead-lettered by whichever consumer looks next; no need every poll.
  const reapEveryMs = Math.min(1_000, subscription.ackTimeoutMs);
  let nextReapAt = 0;
  let nextSweepAt = 0;

  async function reap(nowMs: number): Promise<void> {
    if (nowMs < nextReapAt) return;
    nextReapAt = nowMs + reapEveryMs;
    await database.$transaction(async (tx) => {
      const taken = await takeExpiredAtMax(tx, provider, { subscriptionId: subscription.id, maxDeliveries: subscription.maxDeliveries, limit: 100, nowMs });
      await storeDeadLetters(tx, taken, { topicName: subscription.topicName, subscriptionName: subscription.name, cause: "max-deliveries", fallbackReason: "ack timeout", nowMs });
    });
    if (nowMs < nextSweepAt) return;
    nextSweepAt = nowMs + sweepEveryMs;
    // On PostgreSQL, two subscriptions acknowledging the last deliveries of one message at once
    // each still see the other's delivery, so neither deletes the message; sweep those up.
    await database.brokerMessage.deleteMany({ where: { topicName: subscription.topicName, deliveries: { none: {} } } });
  }

  async function receiveOnce(max: number): Promise<ReceivedMessage[]> {
    const nowMs = Date.now();
    await reap(nowMs);
    const leaseToken = randomUUID();
    const claimed = await claimDeliveries(database, provider, { ...subscription, subscriptionId: subscription.id, limit: max, leaseToken, nowMs });
    if (claimed.length === 0) return [];
    const messages = new Map(
      (await database.brokerMessage.findMany({ where: { id: { in: claimed.map((row) => row.messageId) } } })).map((message) => [message.id, message]),
    );
    return claimed.flatMap((row) => {
      const message = messages.get(row.messageId);
      if (message === undefined) return [];
      return [
        {
          messageId: message.id,
          destination: subscription.topicName,
          payload: message.payload,
          headers: parseHeadersJson(message.headers) ?? {},
          key: message.key,
          deliveryCount: row.deliveryCount,
          ack: () => ack(row.id, message.id, leaseToken),
          nack: (options) => nack(row.id, row.deliveryCount, leaseToken, options?.reason, options?.delayMs ?? 0),
        },
      ];
    });
  }

  async function ack(deliveryId: number, messageId: string, leaseToken: string): Promise<SettleResult> {
    return guardedOutcome(async () => {
      const [deleted] = await database.$transaction([
        database.brokerDelivery.deleteMany({ where: { id: deliveryId, leaseToken } }),
        database.brokerMessage.deleteMany({ where: { id: messageId, deliveries: { none: {} } } }),
      ]);
      return deleted.count === 1 ? settled : leaseLost;
    });
  }

  async function nack(deliveryId: number, deliveryCount: number, leaseToken: string, reason: string | undefined, delayMs: number): Promise<SettleResult> {
    const lastError = reason ?? "negatively acknowledged";
    const nowMs = Date.now();
    return guardedOutcome(async () => {
      if (deliveryCount < subscription.maxDeliveries) {
        const updated = await database.brokerDelivery.updateMany({
          where: { id: deliveryId, leaseToken },
          data: { leaseToken: null, visibleAtMs: BigInt(nowMs + Math.max(0, delayMs)), lastError },
        });
        return updated.count === 1 ? settled : leaseLost;
      }
      return database.$transaction(async (tx) => {
        const taken = await takeLeased(tx, deliveryId, leaseToken);
        if (taken.length === 0) return leaseLost;
        const rows = taken.map((row) => ({ ...row, lastError }));
        await storeDeadLetters(tx, rows, { topicName: subscription.topicName, subscriptionName: subscription.name, cause: "max-deliveries", fallbackReason: lastError, nowMs });
        return settled;
      });
    });
  }

  return {
    destination: subscription.topicName,
    consumer: subscription.name,
    async receive(options: ReceiveOptions) {
      if (!Number.isInteger(options.max) || options.max < 1) return failed("invalid", "max must be a whole number of at least 1");
      const deadline = Date.now() + Math.max(0, options.waitMs);
      for (;;) {
        if (signal.aborted) return ok([]);
        const received = await guarded(() => receiveOnce(options.max));
        if (received.status !== "ok") return received;
        const remaining = deadline - Date.now();
        if (received.value.length > 0 || remaining <= 0) return received;
        await pause(Math.min(context.pollIntervalMs, remaining), signal);
      }
    },
    async close() {
      closing.abort();
    },
  };
}

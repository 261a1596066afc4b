import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { z } from "zod";
import { failed, ok, type BrokerResult } from "../broker-result";
import type { Consumer, NackOptions, OutgoingMessage, PublishResult, ReceivedMessage, ReceiveOptions, SettleResult, SubscribeOptions } from "../messaging-client";
import { createRedisConnection, runScript, withRedis, withRedisOutcome, type LuaScript, type RedisConnection } from "./redis-connection";
import type { RedisContext } from "./redis-context";
import { deadLetterEntry, sweepPending, type GroupTarget } from "./redis-dead-lettering";
import { decodeMessage, encodeMessage, rawEntrySchema, toStreamEntry, type StreamEntry } from "./redis-entries";
import { ackScript, releaseScript, retireConsumerScript } from "./redis-scripts";

/** XADD returns once the server holds the entry; how durable that is depends on its AOF/replica settings. */
export async function publish(context: RedisContext, message: OutgoingMessage): Promise<PublishResult> {
  if (message.destination.length === 0) return failed("invalid", "a message needs a destination");
  const messageId = message.messageId ?? randomUUID();
  const fields = encodeMessage({ messageId, payload: message.payload, headers: message.headers ?? {}, key: message.key ?? null });
  const result = await withRedis(context.connection, (client) => client.xadd(context.names.stream(message.destination), "*", ...fields));
  return result.status === "ok" ? { status: "published", messageId } : result;
}

/** The settings a consumer group was last subscribed with, kept for `describe`. */
export const consumerSettingsSchema = z.object({ maxDeliveries: z.number().int().positive(), ackTimeoutMs: z.number().int().positive() });

/**
 * Creates the consumer group at the stream's end (creating the stream too) unless it exists,
 * records its settings, and returns a handle that reads as its own member of the group.
 */
export async function subscribe(context: RedisContext, options: SubscribeOptions): Promise<BrokerResult<Consumer>> {
  if (!Number.isInteger(options.maxDeliveries) || options.maxDeliveries < 1) return failed("invalid", "maxDeliveries must be a whole number of at least 1");
  if (!Number.isInteger(options.ackTimeoutMs) || options.ackTimeoutMs < 1) return failed("invalid", "ackTimeoutMs must be a whole number of milliseconds");
  if (options.destination.length === 0 || options.consumer.length === 0) return failed("invalid", "a subscription needs a destination and a consumer name");
  const { names } = context;
  const settings = consumerSettingsSchema.parse({ maxDeliveries: options.maxDeliveries, ackTimeoutMs: options.ackTimeoutMs });
  const created = await withRedis(context.connection, async (client) => {
    try {
      await client.xgroup("CREATE", names.stream(options.destination), options.consumer, "$", "MKSTREAM");
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("BUSYGROUP"))) throw error;
    }
    await client.hset(names.consumerSettings(options.destination), options.consumer, JSON.stringify(settings));
  });
  if (created.status !== "ok") return created;
  const consumer = createConsumer(context, options);
  context.consumers.add(consumer);
  return ok(consumer);
}

const readReplySchema = z.union([
  z.null(),
  z.array(z.tuple([z.instanceof(Buffer), z.array(z.tuple([z.instanceof(Buffer), z.array(z.instanceof(Buffer)).nullable()]))])),
]);

function settleOutcome(result: BrokerResult<unknown>): SettleResult {
  if (result.status !== "ok") return result;
  return result.value === 1 ? { status: "settled" } : { status: "lease-lost" };
}

function createConsumer(context: RedisContext, options: SubscribeOptions): Consumer {
  const target: GroupTarget = {
    stream: context.names.stream(options.destination),
    deadLetterStream: context.names.deadLetterStream(options.destination),
    destination: options.destination,
    group: options.consumer,
    // Each handle is its own group member, so a lease names the handle that holds it.
    consumer: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
  };
  let blocking: RedisConnection | undefined;
  let closed = false;

  const runLeaseScript = async (script: LuaScript, args: (string | number)[]): Promise<SettleResult> =>
    settleOutcome(await withRedis(context.connection, (client) => runScript(client, script, [target.stream], [target.group, target.consumer, ...args])));

  async function nack(entryId: string, deliveries: number, nackOptions: NackOptions = {}): Promise<SettleResult> {
    if (deliveries >= options.maxDeliveries) {
      const reason = nackOptions.reason ?? `failed on delivery ${deliveries} of ${options.maxDeliveries}`;
      const moved = await withRedis(context.connection, (client) => deadLetterEntry(client, target, { entryId, deliveries, cause: "max-deliveries", reason }));
      return settleOutcome(moved.status === "ok" ? ok(moved.value ? 1 : 0) : moved);
    }
    // Redis cannot schedule a redelivery, so the lease is back-dated: it expires `delayMs` from now (at most the ack timeout).
    const idleMs = Math.max(0, options.ackTimeoutMs - Math.max(0, Math.round(nackOptions.delayMs ?? 0)));
    return runLeaseScript(releaseScript, [entryId, deliveries, idleMs]);
  }

  function toReceived(entry: StreamEntry, deliveries: number): ReceivedMessage {
    const message = decodeMessage(entry);
    return {
      messageId: message.messageId,
      destination: options.destination,
      payload: message.payload,
      // A producer's malformed header blob is not worth refusing its message over.
      headers: message.headers ?? {},
      key: message.key,
      deliveryCount: deliveries,
      ack: () => runLeaseScript(ackScript, [entry.id, deliveries]),
      nack: (nackOptions) => nack(entry.id, deliveries, nackOptions),
    };
  }

  async function readNew(count: number, waitMs: number): Promise<BrokerResult<ReceivedMessage[]>> {
    const block = waitMs > 0;
    const connection = block ? (blocking ??= createRedisConnection({ ...context.connectionOptions, commandTimeoutMs: undefined })) : context.connection;
    const blockArgs = block ? ["BLOCK", Math.ceil(waitMs)] : [];
    const read = await withRedis(connection, (client) =>
      client.callBuffer("XREADGROUP", "GROUP", target.group, target.consumer, "COUNT", count, ...blockArgs, "STREAMS", target.stream, ">"),
    );
    if (read.status !== "ok") return closed ? ok([]) : read;
    const parsed = readReplySchema.safeParse(read.value);
    if (!parsed.success) return failed("protocol", "Redis answered XREADGROUP with something unexpected");
    const entries = (parsed.data ?? []).flatMap(([, items]) => items);
    return ok(entries.flatMap(([id, fields]) => (fields === null ? [] : [toReceived(toStreamEntry(rawEntrySchema.parse([id, fields])), 1)])));
  }

  const handle: Consumer = {
    destination: options.destination,
    consumer: options.consumer,
    async receive({ max, waitMs }: ReceiveOptions): Promise<BrokerResult<ReceivedMessage[]>> {
      if (!Number.isInteger(max) || max < 1) return failed("invalid", "max must be a whole number of at least 1");
      if (closed || context.closing.signal.aborted) return ok([]);
      // Expired leases first: they have waited longest.
      const swept = await withRedisOutcome(context.connection, async (client) => {
        const claimed = await sweepPending(client, target, { ackTimeoutMs: options.ackTimeoutMs, maxDeliveries: options.maxDeliveries, count: max });
        return claimed === "protocol" ? failed("protocol", "Redis answered the claim script with something unexpected") : ok(claimed);
      });
      if (swept.status !== "ok") return swept;
      const messages = swept.value.map(({ entry, deliveries }) => toReceived(entry, deliveries));
      if (messages.length === max) return ok(messages);
      const fresh = await readNew(max - messages.length, messages.length === 0 ? Math.max(0, waitMs) : 0);
      if (fresh.status !== "ok") return messages.length > 0 ? ok(messages) : fresh;
      return ok([...messages, ...fresh.value]);
    },
    async close() {
      if (closed) return;
      closed = true;
      context.consumers.delete(handle);
      await blocking?.close();
      // Best effort: a member that still holds leases stays, so they can expire and be claimed.
      await withRedis(context.connection, (client) => runScript(client, retireConsumerScript, [target.stream], [target.group, target.consumer]));
    },
  };
  return handle;
}

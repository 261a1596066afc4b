import { createHash } from "node:crypto";
import type { Channel, GetMessage } from "amqplib";
import { failed, ok, type BrokerProblem } from "../broker-result";
import { replayHeaders } from "../headers";
import type { Consumer, NackOptions, ReceivedMessage, ReceiveOptions, SettleResult } from "../messaging-client";
import type { DeadLetterCause } from "../types";
import { deadLetterHeaders, headersForRepublish, normalizeHeaders, transientHeaderNames } from "./amqp-headers";
import { guarded, guardedOutcome } from "./rabbitmq-errors";
import { pause, type KnownConsumer, type RabbitContext } from "./rabbitmq-topology";

/**
 * A pull consumer on one quorum queue, with `basic.get` so that a message is taken from the
 * queue only when the caller asks for it (a prefetching `basic.consume` would show buffered
 * messages as in flight). RabbitMQ has no per-message ack deadline, so the lease — the ack
 * timeout — is a timer here: when it fires the message is requeued (`nack` with requeue).
 *
 * Max deliveries are counted by RabbitMQ (`x-delivery-count`, kept by quorum queues across
 * consumers and restarts) and enforced here rather than with the queue argument
 * `x-delivery-limit`, which is fixed when the queue is declared while `subscribe` may change the
 * limit. A message that fails its last delivery is republished, with publisher confirmation, to
 * the queue's dead-letter exchange with `x-eventscope-*` headers and then acknowledged: an AMQP
 * 0-9-1 `nack(requeue=false)` would dead-letter it natively but cannot carry the consumer's
 * reason. Should the process die between the confirm and the ack, the message is dead-lettered
 * again on its next delivery — at least once, never lost.
 */
export interface ConsumerSettings {
  maxDeliveries: number;
  ackTimeoutMs: number;
}

interface Lease {
  message: GetMessage;
  channel: Channel;
  deliveryCount: number;
  state: "leased" | "settling" | "delayed" | "done";
  timer: NodeJS.Timeout | undefined;
}

const settled: SettleResult = { status: "settled" };
const leaseLost: SettleResult = { status: "lease-lost" };

/** The delivery number of a message taken from a quorum queue, 1 on the first. */
export function deliveryCountOf(message: Pick<GetMessage, "properties" | "fields">): number {
  const counted = Number(message.properties.headers?.["x-delivery-count"]);
  if (Number.isInteger(counted) && counted >= 0) return counted + 1;
  return message.fields.redelivered ? 2 : 1;
}

/** The publisher's message id, or a digest of the content for messages published without one. */
export function messageIdOf(message: Pick<GetMessage, "properties" | "content">): string {
  const id: unknown = message.properties.messageId;
  if (typeof id === "string" && id.length > 0) return id;
  return `sha256:${createHash("sha256").update(message.content).digest("hex").slice(0, 32)}`;
}

export function createConsumer(context: RabbitContext, known: KnownConsumer, settings: ConsumerSettings): Consumer {
  const closing = new AbortController();
  const signal = AbortSignal.any([closing.signal, context.closing.signal]);
  const leases = new Set<Lease>();
  let channel: Promise<Channel> | undefined;
  known.handles += 1;

  function release(lease: Lease): void {
    if (lease.state === "done") return;
    lease.state = "done";
    clearTimeout(lease.timer);
    leases.delete(lease);
    known.inFlight -= 1;
  }

  function openChannel(): Promise<Channel> {
    if (channel !== undefined) return channel;
    const opening = context.connection.channel().then(
      (created) => {
        created.on("close", () => {
          if (channel === opening) channel = undefined;
          // The server requeued everything this channel held unacknowledged.
          for (const lease of [...leases]) if (lease.channel === created) release(lease);
        });
        return created;
      },
      (error: unknown) => {
        if (channel === opening) channel = undefined;
        throw error;
      },
    );
    channel = opening;
    return opening;
  }

  function requeue(lease: Lease): void {
    try {
      lease.channel.nack(lease.message, false, true);
    } catch {
      // The channel is gone, and with it the lease: the server requeued the message already.
    }
    release(lease);
  }

  async function deadLetter(lease: Lease, cause: DeadLetterCause, reason: string): Promise<void> {
    const { message } = lease;
    const headers = {
      ...headersForRepublish(message.properties.headers),
      [replayHeaders.firstDeathAt]: message.properties.headers?.[replayHeaders.firstDeathAt] ?? String(Date.now()),
      [deadLetterHeaders.reason]: reason,
      [deadLetterHeaders.cause]: cause,
      [deadLetterHeaders.deliveryCount]: String(lease.deliveryCount),
      [deadLetterHeaders.deadLetteredAt]: String(Date.now()),
      [deadLetterHeaders.originalExchange]: message.fields.exchange,
      [deadLetterHeaders.originalRoutingKey]: message.fields.routingKey,
      [deadLetterHeaders.originalQueue]: known.queue,
    };
    const { contentType, contentEncoding, correlationId, timestamp, type, appId } = message.properties;
    await context.connection.publishConfirmed(known.deadLetterExchange, known.queue, message.content, {
      headers,
      messageId: messageIdOf(message),
      persistent: true,
      ...(contentType === undefined ? {} : { contentType }),
      ...(contentEncoding === undefined ? {} : { contentEncoding }),
      ...(correlationId === undefined ? {} : { correlationId }),
      ...(timestamp === undefined ? {} : { timestamp }),
      ...(type === undefined ? {} : { type }),
      ...(appId === undefined ? {} : { appId }),
    });
    lease.channel.ack(message);
    release(lease);
  }

  /** Dead-letters at the last delivery; on failure the message is requeued and tried again on its next delivery. */
  async function giveUp(lease: Lease, cause: DeadLetterCause, reason: string): Promise<SettleResult> {
    lease.state = "settling";
    clearTimeout(lease.timer);
    const result = await guardedOutcome(async () => {
      await deadLetter(lease, cause, reason);
      return settled;
    });
    if (result.status !== "settled") requeue(lease);
    return result;
  }

  function expire(lease: Lease): void {
    if (lease.state !== "leased") return;
    if (lease.deliveryCount < settings.maxDeliveries) return requeue(lease);
    void giveUp(lease, "max-deliveries", `not acknowledged within the ack timeout (${settings.ackTimeoutMs} ms)`);
  }

  function ack(lease: Lease): SettleResult {
    if (lease.state !== "leased") return leaseLost;
    try {
      lease.channel.ack(lease.message);
    } catch {
      return leaseLost;
    }
    release(lease);
    return settled;
  }

  async function nack(lease: Lease, options: NackOptions = {}): Promise<SettleResult> {
    if (lease.state !== "leased") return leaseLost;
    if (lease.deliveryCount >= settings.maxDeliveries) return giveUp(lease, "max-deliveries", options.reason ?? "negatively acknowledged");
    const delayMs = Math.max(0, options.delayMs ?? 0);
    if (delayMs === 0) {
      requeue(lease);
      return settled;
    }
    // The message stays unacknowledged (in flight) until the delay is over.
    clearTimeout(lease.timer);
    lease.state = "delayed";
    lease.timer = setTimeout(() => requeue(lease), delayMs);
    return settled;
  }

  function toReceived(lease: Lease): ReceivedMessage {
    const { message } = lease;
    const headers = normalizeHeaders(message.properties.headers);
    for (const name of transientHeaderNames) delete headers[name];
    return {
      messageId: messageIdOf(message),
      destination: known.destination,
      payload: new Uint8Array(message.content),
      headers,
      key: message.fields.routingKey === known.destination ? null : message.fields.routingKey,
      deliveryCount: lease.deliveryCount,
      ack: async () => ack(lease),
      nack: (options) => nack(lease, options),
    };
  }

  async function receiveOnce(max: number): Promise<ReceivedMessage[]> {
    const current = await openChannel();
    const received: ReceivedMessage[] = [];
    while (received.length < max && !signal.aborted) {
      const message = await current.get(known.queue, { noAck: false });
      if (message === false) break;
      const lease: Lease = { message, channel: current, deliveryCount: deliveryCountOf(message), state: "leased", timer: undefined };
      leases.add(lease);
      known.inFlight += 1;
      if (lease.deliveryCount > settings.maxDeliveries) {
        // Its last lease ran out in a process that did not live to dead-letter it.
        const result = await giveUp(lease, "max-deliveries", `delivered ${lease.deliveryCount - 1} times without an acknowledgement`);
        if (result.status !== "settled") break;
        continue;
      }
      lease.timer = setTimeout(() => expire(lease), settings.ackTimeoutMs);
      received.push(toReceived(lease));
    }
    return received;
  }

  return {
    destination: known.destination,
    consumer: known.consumer,
    async receive(options: ReceiveOptions) {
      if (!Number.isInteger(options.max) || options.max < 1) return failed("invalid", "max must be a whole number of at least 1");
      const deadline = Date.now() + Math.max(0, options.waitMs);
      for (;;) {
        if (signal.aborted) return ok([]);
        const received: { status: "ok"; value: ReceivedMessage[] } | BrokerProblem = await guarded(() => receiveOnce(options.max));
        if (received.status !== "ok") return received;
        const remaining = deadline - Date.now();
        if (received.value.length > 0 || remaining <= 0) return received;
        await pause(Math.min(context.pollIntervalMs, remaining), signal);
      }
    },
    async close() {
      if (closing.signal.aborted) return;
      closing.abort();
      known.handles -= 1;
      const current = channel;
      channel = undefined;
      for (const lease of [...leases]) release(lease);
      // Closing the channel requeues whatever it still held.
      if (current !== undefined) await current.then((open) => open.close()).catch(() => undefined);
    },
  };
}

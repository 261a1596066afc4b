import { randomUUID } from "node:crypto";
import { AckPolicy, DeliverPolicy } from "@nats-io/jetstream";
import { headers as natsHeaders, nanos, type Msg } from "@nats-io/transport-node";
import { failed, ok, type BrokerResult } from "../broker-result";
import type { Consumer, NackOptions, OutgoingMessage, PublishResult, ReceivedMessage, ReceiveOptions, SettleResult, SubscribeOptions } from "../messaging-client";
import type { MessageHeaders } from "../types";
import { selfDeadLetteredReason } from "./nats-advisory";
import type { NatsContext, NatsHandles } from "./nats-context";
import { messageHeader, oneLine, originalHeaders } from "./nats-dead-letter-headers";
import { writeDeadLetter } from "./nats-dead-lettering";
import { parseAckSubject, type DeliveryInfo } from "./nats-delivery";
import { apiErrorCode, guarded, guardedOutcome } from "./nats-errors";
import { isConsumerName, isPublishableSubject } from "./nats-names";
import { headersOf, pull } from "./nats-pull";
import { streamForSubject } from "./nats-streams";

/** Publishes to a stream, creating one for a subject no stream stores yet. */
export async function publish(context: NatsContext, message: OutgoingMessage): Promise<PublishResult> {
  if (!isPublishableSubject(message.destination)) return failed("invalid", `"${message.destination}" is not a subject messages can be published to`);
  const handles = await context.handles();
  if (handles.status !== "ok") return handles;
  return guardedOutcome(async () => {
    await streamForSubject(context, handles.value, message.destination, true);
    const messageId = message.messageId ?? randomUUID();
    await publishAcked(handles.value, message.destination, message.payload, { ...message.headers, ...(message.key === undefined ? {} : { [messageHeader.key]: message.key }) }, messageId);
    return { status: "published" as const, messageId };
  });
}

/**
 * Publishes and waits for JetStream's PubAck. The message id doubles as `Nats-Msg-Id`, so the
 * stream drops a retried publish of the same message within its duplicate window.
 */
export async function publishAcked(handles: NatsHandles, subject: string, payload: Uint8Array, headers: MessageHeaders, messageId: string) {
  const outgoing = natsHeaders();
  for (const [name, value] of Object.entries(headers)) outgoing.set(name, value);
  return handles.js.publish(subject, payload, { headers: outgoing, msgID: messageId });
}

/** Creates or updates a durable pull consumer filtered to the destination subject. */
export async function subscribe(context: NatsContext, options: SubscribeOptions): Promise<BrokerResult<Consumer>> {
  if (!isPublishableSubject(options.destination)) return failed("invalid", `"${options.destination}" is not a subject`);
  if (!isConsumerName(options.consumer)) return failed("invalid", `"${options.consumer}" is not a valid consumer name (letters, digits, - and _)`);
  if (!Number.isInteger(options.maxDeliveries) || options.maxDeliveries < 1) return failed("invalid", "max deliveries must be a positive integer");
  if (!(options.ackTimeoutMs > 0)) return failed("invalid", "the ack timeout must be positive");
  const handles = await context.handles();
  if (handles.status !== "ok") return handles;
  const { jsm } = handles.value;
  const declared = await guarded(async () => {
    const stream = await streamForSubject(context, handles.value, options.destination, true);
    if (stream === undefined) throw new Error("a stream was neither found nor created");
    const settings = { max_deliver: options.maxDeliveries, ack_wait: nanos(options.ackTimeoutMs) };
    try {
      const info = await jsm.consumers.info(stream, options.consumer);
      if (info.config.max_deliver !== settings.max_deliver || info.config.ack_wait !== settings.ack_wait) await jsm.consumers.update(stream, options.consumer, settings);
    } catch (error) {
      if (apiErrorCode(error) !== 10014) throw error;
      await jsm.consumers.add(stream, {
        ...settings,
        durable_name: options.consumer,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.New,
        filter_subject: options.destination,
      });
    }
    return stream;
  });
  if (declared.status !== "ok") return declared;
  return ok(pullConsumer(context, declared.value, options));
}

function pullConsumer(context: NatsContext, stream: string, options: SubscribeOptions): Consumer {
  let closed = false;
  return {
    destination: options.destination,
    consumer: options.consumer,
    async receive(receiveOptions: ReceiveOptions): Promise<BrokerResult<ReceivedMessage[]>> {
      if (closed) return failed("invalid", "this consumer was closed");
      const handles = await context.handles();
      if (handles.status !== "ok") return handles;
      const pulled = await guarded(() =>
        pull(handles.value.nc, {
          stream,
          consumer: options.consumer,
          batch: receiveOptions.max,
          waitMs: Math.max(0, receiveOptions.waitMs),
          graceMs: context.requestTimeoutMs,
        }),
      );
      if (pulled.status !== "ok") return pulled;
      const { messages, conflict } = pulled.value;
      if (messages.length === 0 && conflict !== null) return failed("conflict", `the NATS server ended the pull: ${conflict}`);
      const received: ReceivedMessage[] = [];
      for (const message of messages) {
        const delivery = parseAckSubject(message.reply ?? "");
        if (delivery === undefined) return failed("protocol", "a JetStream delivery carried no ack subject");
        received.push(receivedMessage(context, handles.value, message, delivery, options.maxDeliveries));
      }
      return ok(received);
    },
    async close() {
      closed = true;
    },
  };
}

function receivedMessage(context: NatsContext, handles: NatsHandles, message: Msg, delivery: DeliveryInfo, maxDeliveries: number): ReceivedMessage {
  const allHeaders = headersOf(message.headers);
  let settled: Promise<SettleResult> | null = null;
  // Settling asks the server for a reply, so "settled" means the server has it.
  const settle = (body: string) =>
    guardedOutcome(async () => {
      await handles.nc.request(message.reply ?? "", body, { timeout: context.requestTimeoutMs });
      return { status: "settled" as const };
    });
  // A message settles once; a failed attempt (a problem, not a verdict) may be repeated.
  const once = (work: () => Promise<SettleResult>) =>
    (settled ??= work().then((result) => {
      if (result.status !== "settled") settled = null;
      return result;
    }));
  return {
    messageId: allHeaders[messageHeader.msgId] ?? `${delivery.stream}:${delivery.streamSequence}`,
    destination: message.subject,
    payload: message.data,
    headers: originalHeaders(allHeaders),
    key: allHeaders[messageHeader.key] ?? null,
    deliveryCount: delivery.deliveryCount,
    ack: () => once(() => settle("+ACK")),
    nack: (nackOptions?: NackOptions) =>
      once(async () => {
        if (delivery.deliveryCount < maxDeliveries) {
          const delay = nackOptions?.delayMs;
          return settle(delay !== undefined && delay > 0 ? `-NAK ${JSON.stringify({ delay: nanos(delay) })}` : "-NAK");
        }
        // The last allowed delivery failed: dead-letter it now, with the consumer's reason,
        // rather than wait for a max-deliveries advisory that carries none.
        const written = await guarded(() =>
          writeDeadLetter(context, handles, {
            stream: delivery.stream,
            consumer: delivery.consumer,
            streamSequence: delivery.streamSequence,
            deliveryCount: delivery.deliveryCount,
            cause: "max-deliveries",
            reason: oneLine(nackOptions?.reason?.trim() || `failed on delivery ${delivery.deliveryCount} of ${maxDeliveries}`),
            diedAtMs: Date.now(),
            subject: message.subject,
            payload: message.data,
            headers: allHeaders,
          }),
        );
        if (written.status !== "ok") return written;
        return settle(`+TERM ${selfDeadLetteredReason}`);
      }),
  };
}

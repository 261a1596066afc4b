import { randomUUID } from "node:crypto";
import { failed, ok, type BrokerResult } from "../broker-result";
import type { Consumer, OutgoingMessage, PublishResult, SubscribeOptions } from "../messaging-client";
import { createConsumer } from "./rabbitmq-consumer";
import { guarded, guardedOutcome } from "./rabbitmq-errors";
import { consumerTopology, declareConsumer, rememberConsumer, type RabbitContext } from "./rabbitmq-topology";

/** RabbitMQ caps exchange and queue names at 255 bytes; queue names add `.<consumer>.dlq`. */
const maxNameBytes = 200;

function invalidName(name: string, what: string): string | undefined {
  if (name.length === 0) return `a ${what} name is required`;
  if (Buffer.byteLength(name) > maxNameBytes) return `a ${what} name may be at most ${maxNameBytes} bytes`;
  if (name.startsWith("amq.")) return `a ${what} name may not start with "amq." (reserved by RabbitMQ)`;
  return undefined;
}

/**
 * Publishes to the destination's topic exchange with routing key = the message key or else
 * the destination, and resolves once RabbitMQ confirmed it (persistent, so a durable queue
 * keeps it across a broker restart).
 */
export async function publish(context: RabbitContext, message: OutgoingMessage): Promise<PublishResult> {
  const invalid = invalidName(message.destination, "destination");
  if (invalid !== undefined) return failed("invalid", invalid);
  const messageId = message.messageId ?? randomUUID();
  return guardedOutcome(async () => {
    await context.connection.ensureExchange(message.destination, "topic");
    await context.connection.publishConfirmed(message.destination, message.key ?? message.destination, Buffer.from(message.payload), {
      messageId,
      headers: message.headers ?? {},
      persistent: true,
      timestamp: Math.floor(Date.now() / 1_000),
    });
    return { status: "published" as const, messageId };
  });
}

/** Declares the consumer's queues (idempotent) and returns a pull handle on its queue. */
export async function subscribe(context: RabbitContext, options: SubscribeOptions): Promise<BrokerResult<Consumer>> {
  if (!Number.isInteger(options.maxDeliveries) || options.maxDeliveries < 1) return failed("invalid", "maxDeliveries must be a whole number of at least 1");
  if (!Number.isInteger(options.ackTimeoutMs) || options.ackTimeoutMs < 1) return failed("invalid", "ackTimeoutMs must be a whole number of milliseconds");
  const invalid = invalidName(options.destination, "destination") ?? invalidName(options.consumer, "consumer");
  if (invalid !== undefined) return failed("invalid", invalid);
  const topology = consumerTopology(options.destination, options.consumer);
  const declared = await guarded(() => declareConsumer(context.connection, topology));
  if (declared.status !== "ok") return declared;
  const known = rememberConsumer(context, topology, options.maxDeliveries);
  return ok(createConsumer(context, known, { maxDeliveries: options.maxDeliveries, ackTimeoutMs: options.ackTimeoutMs }));
}

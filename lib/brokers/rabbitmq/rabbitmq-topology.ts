import { setTimeout as delay } from "node:timers/promises";
import type { Database } from "../../db";
import type { RabbitConnection } from "./rabbitmq-connection";

/**
 * Topology: a destination is a durable topic exchange of the same name; a consumer is a
 * durable quorum queue `<destination>.<consumer>` bound to it with `#`. Each such queue
 * dead-letters through the direct exchange `<destination>.dlx`, routing key = the queue's name,
 * into the classic queue `<queue>.dlq`. Quorum queues count deliveries (`x-delivery-count`),
 * which max deliveries rely on; dead-letter queues are classic because reading them means
 * taking messages and requeueing them, which on a classic queue restores their order and
 * counts nothing.
 */
export interface ConsumerTopology {
  destination: string;
  consumer: string;
  queue: string;
  deadLetterExchange: string;
  deadLetterQueue: string;
}

export const deadLetterQueueSuffix = ".dlq";

export function consumerTopology(destination: string, consumer: string): ConsumerTopology {
  const queue = `${destination}.${consumer}`;
  return { destination, consumer, queue, deadLetterExchange: `${destination}.dlx`, deadLetterQueue: `${queue}${deadLetterQueueSuffix}` };
}

/** Declares exchange, queue, dead-letter exchange and queue, and their bindings; idempotent. */
export async function declareConsumer(connection: RabbitConnection, topology: ConsumerTopology): Promise<void> {
  await connection.ensureExchange(topology.destination, "topic");
  await connection.ensureExchange(topology.deadLetterExchange, "direct");
  await connection.withChannel(async (channel) => {
    await channel.assertQueue(topology.deadLetterQueue, { durable: true, arguments: { "x-queue-type": "classic" } });
    await channel.bindQueue(topology.deadLetterQueue, topology.deadLetterExchange, topology.queue);
    await channel.assertQueue(topology.queue, {
      durable: true,
      arguments: { "x-queue-type": "quorum", "x-dead-letter-exchange": topology.deadLetterExchange, "x-dead-letter-routing-key": topology.queue },
    });
    await channel.bindQueue(topology.queue, topology.destination, "#");
  });
}

/** What this broker instance knows of a consumer: the AMQP protocol itself cannot list queues. */
export interface KnownConsumer extends ConsumerTopology {
  /** Null for consumers named in the configuration rather than subscribed here. */
  maxDeliveries: number | null;
  /** Messages received through this instance and not yet settled. */
  inFlight: number;
  /** Consumer handles open in this instance. */
  handles: number;
}

/** What every part of one RabbitMQ broker instance shares. */
export interface RabbitContext {
  connection: RabbitConnection;
  /** Holds the idempotency keys of replays and discards. */
  database: Database;
  /** The `broker` column of idempotency keys. */
  name: string;
  /** Keyed by queue name. */
  known: Map<string, KnownConsumer>;
  pollIntervalMs: number;
  /** Aborted by `close()`: idle consumers stop waiting at once. */
  closing: AbortController;
}

/** Records a consumer as known, keeping what is already known of it. */
export function rememberConsumer(context: RabbitContext, topology: ConsumerTopology, maxDeliveries: number | null): KnownConsumer {
  const existing = context.known.get(topology.queue);
  const known: KnownConsumer = existing ?? { ...topology, maxDeliveries, inFlight: 0, handles: 0 };
  if (maxDeliveries !== null) known.maxDeliveries = maxDeliveries;
  context.known.set(topology.queue, known);
  return known;
}

/** Waits, or returns early when the signal fires. */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return;
  try {
    await delay(ms, undefined, { signal });
  } catch {
    // Aborted: the caller checks the signal.
  }
}

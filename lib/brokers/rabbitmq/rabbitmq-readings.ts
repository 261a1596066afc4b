import { ok, type BrokerResult } from "../broker-result";
import type { BrokerDescription, DestinationInfo, LagQuery, LagReading } from "../types";
import { guarded, isNotFound } from "./rabbitmq-errors";
import type { KnownConsumer, RabbitContext } from "./rabbitmq-topology";

/**
 * Describe and lag through AMQP alone: a passive `queue.declare` answers a queue's ready
 * message count (and nothing about unacknowledged ones), and AMQP cannot list queues. So the
 * readings cover the consumers this instance knows — subscribed through it or named in its
 * configuration — and `inFlight` counts what consumers in this process hold, or is null when
 * none of them reads that queue.
 */
async function readyCount(context: RabbitContext, queue: string): Promise<number | null> {
  try {
    return await context.connection.withChannel(async (channel) => (await channel.checkQueue(queue)).messageCount);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function matches(known: KnownConsumer, query: LagQuery): boolean {
  return (query.destination === undefined || known.destination === query.destination) && (query.consumer === undefined || known.consumer === query.consumer);
}

export async function readLag(context: RabbitContext, query: LagQuery): Promise<BrokerResult<LagReading[]>> {
  // Connect even when no consumer matches: an empty answer must mean "nothing waits", not "broker down".
  const open = await guarded(() => context.connection.open());
  if (open.status !== "ok") return open;
  const consumers = [...context.known.values()].filter((known) => matches(known, query));
  const read = await guarded(() => Promise.all(consumers.map(async (known) => ({ known, waiting: await readyCount(context, known.queue) }))));
  if (read.status !== "ok") return read;
  const readAt = new Date();
  return ok(
    read.value.flatMap(({ known, waiting }) =>
      waiting === null
        ? []
        : [
            {
              destination: known.destination,
              consumer: known.consumer,
              waiting,
              inFlight: known.handles > 0 ? known.inFlight : null,
              // Only a peek at the head of the queue could tell, and peeking reorders a quorum queue.
              oldestWaitingAgeMs: null,
              partitions: null,
              readAt,
            },
          ],
    ),
  );
}

export async function describe(context: RabbitContext): Promise<BrokerResult<BrokerDescription>> {
  const lag = await readLag(context, {});
  if (lag.status !== "ok") return lag;
  const byDestination = new Map<string, DestinationInfo>();
  for (const known of [...context.known.values()].sort((a, b) => a.queue.localeCompare(b.queue))) {
    const destination = byDestination.get(known.destination) ?? {
      name: known.destination,
      kind: "exchange" as const,
      depth: null,
      partitions: null,
      deadLetterDestination: known.deadLetterExchange,
      consumers: [],
    };
    destination.consumers.push({ name: known.consumer, maxDeliveries: known.maxDeliveries });
    byDestination.set(known.destination, destination);
  }
  // Each queue holds its own copy, so the destination is as deep as its deepest queue.
  for (const reading of lag.value) {
    const destination = byDestination.get(reading.destination);
    if (destination !== undefined) destination.depth = Math.max(destination.depth ?? 0, reading.waiting);
  }
  return ok({ kind: "rabbitmq", version: context.connection.version(), destinations: [...byDestination.values()].sort((a, b) => a.name.localeCompare(b.name)) });
}

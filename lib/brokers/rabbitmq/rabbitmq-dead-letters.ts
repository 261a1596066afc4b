import { createHash } from "node:crypto";
import type { Channel, GetMessage } from "amqplib";
import { z } from "zod";
import { failed, ok, type BrokerNotFound, type BrokerResult } from "../broker-result";
import { decodeCursor, encodeCursor } from "../cursor";
import { matchesDeadLetterFilter } from "../dead-letter-filter";
import type { DeadLetter, DeadLetterPage, DeadLetterSummary, ListDeadLettersRequest } from "../types";
import { normalizeHeaders } from "./amqp-headers";
import { messageIdOf } from "./rabbitmq-consumer";
import { guarded, guardedOutcome, isNotFound } from "./rabbitmq-errors";
import { deadLetterQueueSuffix, type RabbitContext } from "./rabbitmq-topology";
import { parseDeathRecord } from "./x-death";

/**
 * Dead letters are read from the dead-letter queues of the consumers this instance knows. AMQP
 * has no way to look at a queue without taking its messages, so a read takes them all on a
 * channel of its own without acknowledging and then requeues them; a classic queue puts them
 * back in their places. (The management API's "get messages" does exactly this on the server.)
 * While a read holds them, another reader of the same queue sees it shorter.
 *
 * A dead letter's id is `<digest>@<dead-letter queue>`: the digest of its properties, headers
 * and payload, which a requeue does not change. Two byte-identical dead letters in one queue
 * share an id, and act as one.
 */
export const maxPageSize = 500;
/** How many messages one read takes from a dead-letter queue at most. */
export const maxScanPerQueue = 5_000;

const cursorSchema = z.object({ at: z.number().int(), id: z.string() });

export interface LocatedDeadLetter {
  letter: DeadLetter;
  message: GetMessage;
}

export function deadLetterIdOf(deadLetterQueue: string, message: GetMessage): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([message.properties.messageId ?? null, message.properties.timestamp ?? null, normalizeHeaders(message.properties.headers)]))
    .update(message.content)
    .digest("base64url")
    .slice(0, 24);
  return `${digest}@${deadLetterQueue}`;
}

/** The dead-letter queue an id points into, or undefined when it is no id this adapter issued. */
export function parseDeadLetterId(id: string): { deadLetterQueue: string } | undefined {
  const match = /^([A-Za-z0-9_-]{24})@(.+)$/.exec(id);
  if (match === null || !match[2]!.endsWith(deadLetterQueueSuffix)) return undefined;
  return { deadLetterQueue: match[2]! };
}

/** Reads one taken message as a dead letter; its headers decide where it came from and why. */
export function toDeadLetter(deadLetterQueue: string, message: GetMessage): DeadLetter {
  const queue = deadLetterQueue.slice(0, -deadLetterQueueSuffix.length);
  const timestampMs = typeof message.properties.timestamp === "number" ? message.properties.timestamp * 1_000 : 0;
  const death = parseDeathRecord(message.properties.headers) ?? {
    cause: "unknown" as const,
    reason: "no dead-letter record in its headers",
    originalExchange: message.fields.exchange,
    originalRoutingKey: message.fields.routingKey,
    originalQueue: queue,
    deliveryCount: 1,
    firstDeathAtMs: timestampMs,
    lastDeathAtMs: timestampMs,
  };
  // Published to the default exchange means straight to a queue named by the routing key.
  const originalDestination = death.originalExchange === "" ? death.originalRoutingKey : death.originalExchange;
  const consumerPrefix = `${originalDestination}.`;
  return {
    id: deadLetterIdOf(deadLetterQueue, message),
    deadLetterDestination: deadLetterQueue,
    originalDestination,
    originalPosition: null,
    consumer: death.originalQueue.startsWith(consumerPrefix) ? death.originalQueue.slice(consumerPrefix.length) : death.originalQueue || null,
    messageId: messageIdOf(message),
    key: death.originalRoutingKey === originalDestination || death.originalRoutingKey === "" ? null : death.originalRoutingKey,
    cause: death.cause,
    reason: death.reason,
    deliveryCount: death.deliveryCount,
    firstDeathAt: new Date(death.firstDeathAtMs),
    lastDeathAt: new Date(death.lastDeathAtMs),
    payloadBytes: message.content.byteLength,
    payload: new Uint8Array(message.content),
    headers: normalizeHeaders(message.properties.headers),
  };
}

/**
 * Takes the messages of one dead-letter queue on `channel`, unacknowledged, until `stop` says
 * so or the queue is empty; the caller requeues (or acknowledges) them. A missing queue has none.
 */
async function take(channel: Channel, deadLetterQueue: string, stop: (letter: LocatedDeadLetter) => boolean): Promise<LocatedDeadLetter[]> {
  let waiting: number;
  try {
    waiting = (await channel.checkQueue(deadLetterQueue)).messageCount;
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const taken: LocatedDeadLetter[] = [];
  while (taken.length < Math.min(waiting, maxScanPerQueue)) {
    const message = await channel.get(deadLetterQueue, { noAck: false });
    if (message === false) break;
    const located = { letter: toDeadLetter(deadLetterQueue, message), message };
    taken.push(located);
    if (stop(located)) break;
  }
  return taken;
}

/** Every dead letter in one queue, left where it was. */
export async function peekDeadLetterQueue(context: RabbitContext, deadLetterQueue: string): Promise<DeadLetter[]> {
  // A failed check closes the channel, so each queue gets its own.
  return context.connection.withChannel(async (channel) => {
    const taken = await take(channel, deadLetterQueue, () => false);
    if (taken.length > 0) channel.nackAll(true);
    return taken.map((located) => located.letter);
  });
}

/**
 * Finds the dead letter `id` and holds it while `act` runs: when `act` answers `remove`, the
 * dead letter is acknowledged (gone), otherwise requeued with the rest.
 */
export async function withDeadLetter<R>(
  context: RabbitContext,
  id: string,
  act: (letter: DeadLetter, message: GetMessage) => Promise<{ remove: boolean; result: R }>,
): Promise<BrokerResult<R> | BrokerNotFound> {
  const parsed = parseDeadLetterId(id);
  if (parsed === undefined) return { status: "not-found" };
  const outcome = await guardedOutcome(() =>
    context.connection.withChannel(async (channel): Promise<BrokerResult<R> | BrokerNotFound> => {
      const taken = await take(channel, parsed.deadLetterQueue, (located) => located.letter.id === id);
      const found = taken.find((located) => located.letter.id === id);
      if (found === undefined) {
        if (taken.length > 0) channel.nackAll(true);
        return { status: "not-found" };
      }
      try {
        const { remove, result } = await act(found.letter, found.message);
        if (remove) channel.ack(found.message);
        return ok(result);
      } finally {
        channel.nackAll(true);
        // A round trip, so that the acknowledgement has reached RabbitMQ before we answer.
        await channel.checkQueue(parsed.deadLetterQueue);
      }
    }),
  );
  return outcome;
}

function knownDeadLetterQueues(context: RabbitContext, destination: string | undefined): string[] {
  return [...context.known.values()].filter((known) => destination === undefined || known.destination === destination).map((known) => known.deadLetterQueue);
}

/** Waiting dead letters of the known consumers, newest (by last death) first. */
export async function listDeadLetters(context: RabbitContext, request: ListDeadLettersRequest): Promise<BrokerResult<DeadLetterPage>> {
  if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > maxPageSize) {
    return failed("invalid", `limit must be a whole number from 1 to ${maxPageSize}`);
  }
  const position = request.cursor === undefined ? undefined : decodeCursor(request.cursor, cursorSchema);
  if (position !== undefined && position.status !== "ok") return position;
  const filter = request.filter ?? {};
  const open = await guarded(() => context.connection.open());
  if (open.status !== "ok") return open;
  const read = await guarded(() => Promise.all(knownDeadLetterQueues(context, filter.destination).map((queue) => peekDeadLetterQueue(context, queue))));
  if (read.status !== "ok") return read;
  const after = position?.value;
  const newestFirst = read.value
    .flat()
    .filter((letter) => matchesDeadLetterFilter(filter, letter))
    .sort((a, b) => b.lastDeathAt.getTime() - a.lastDeathAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .filter((letter) => after === undefined || letter.lastDeathAt.getTime() < after.at || (letter.lastDeathAt.getTime() === after.at && letter.id < after.id));
  const page = newestFirst.slice(0, request.limit);
  const last = page.at(-1);
  const nextCursor = newestFirst.length > request.limit && last !== undefined ? encodeCursor({ at: last.lastDeathAt.getTime(), id: last.id }) : null;
  return ok({ items: page.map(toSummary), nextCursor });
}

function toSummary({ payload, headers, ...summary }: DeadLetter): DeadLetterSummary {
  void payload;
  void headers;
  return summary;
}

/** One waiting dead letter, with payload and headers. */
export async function readDeadLetter(context: RabbitContext, id: string): Promise<BrokerResult<DeadLetter> | BrokerNotFound> {
  const parsed = parseDeadLetterId(id);
  if (parsed === undefined) return { status: "not-found" };
  const read = await guarded(() => peekDeadLetterQueue(context, parsed.deadLetterQueue));
  if (read.status !== "ok") return read;
  const letter = read.value.find((candidate) => candidate.id === id);
  return letter === undefined ? { status: "not-found" } : ok(letter);
}

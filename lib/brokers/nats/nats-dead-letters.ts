import { AckPolicy, DeliverPolicy } from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import { z } from "zod";
import { failed, ok, type BrokerNotFound, type BrokerResult } from "../broker-result";
import { decodeCursor, encodeCursor } from "../cursor";
import { matchesDeadLetterFilter } from "../dead-letter-filter";
import type { DeadLetter, DeadLetterPage, DeadLetterSummary, ListDeadLettersRequest, MessageHeaders } from "../types";
import type { NatsContext, NatsHandles } from "./nats-context";
import { originalHeaders, readDeadLetterMeta, type DeadLetterMeta } from "./nats-dead-letter-headers";
import { ingestAdvisories } from "./nats-dead-lettering";
import { parseAckSubject } from "./nats-delivery";
import { apiErrorCode, guarded } from "./nats-errors";
import { dlqSubjectFor, originalSubjectOf } from "./nats-names";
import { headersOf, pull } from "./nats-pull";

/** A dead letter as stored: its DLQ sequence is its id. */
export interface StoredDeadLetter {
  sequence: number;
  meta: DeadLetterMeta;
  payload: Uint8Array;
  headers: MessageHeaders;
}

/** Ids are DLQ stream sequences; anything else names no dead letter. */
export function parseDeadLetterId(id: string): number | undefined {
  if (!/^[1-9]\d{0,14}$/.test(id)) return undefined;
  return Number(id);
}

function summaryOf(context: NatsContext, letter: StoredDeadLetter): DeadLetterSummary {
  const { meta } = letter;
  return {
    id: String(letter.sequence),
    deadLetterDestination: dlqSubjectFor(context.names, meta.originalSubject),
    originalDestination: meta.originalSubject,
    originalPosition: { partition: 0, offset: String(meta.streamSequence) },
    consumer: meta.consumer,
    messageId: meta.messageId,
    key: meta.key,
    cause: meta.cause,
    reason: meta.reason,
    deliveryCount: meta.deliveryCount,
    firstDeathAt: new Date(meta.firstDeathAtMs),
    lastDeathAt: new Date(meta.lastDeathAtMs),
    payloadBytes: letter.payload.byteLength,
  };
}

function stored(context: NatsContext, sequence: number, subject: string, payload: Uint8Array, headers: MessageHeaders): StoredDeadLetter | undefined {
  const meta = readDeadLetterMeta(headers);
  if (meta === undefined || originalSubjectOf(context.names, subject) === undefined) return undefined;
  return { sequence, meta, payload, headers: originalHeaders(headers) };
}

/** One dead letter by id; undefined when it is not (or no longer) in the DLQ. */
export async function loadDeadLetter(context: NatsContext, handles: NatsHandles, sequence: number): Promise<StoredDeadLetter | undefined> {
  try {
    const message = await handles.jsm.streams.getMessage(context.names.dlqStream, { seq: sequence });
    return message === null ? undefined : stored(context, sequence, message.subject, message.data, headersOf(message.header));
  } catch (error) {
    if (apiErrorCode(error) === 10037) return undefined;
    throw error;
  }
}

/** One waiting dead letter with payload and headers; after ingesting pending advisories. */
export async function readDeadLetter(context: NatsContext, id: string): Promise<BrokerResult<DeadLetter> | BrokerNotFound> {
  const sequence = parseDeadLetterId(id);
  if (sequence === undefined) return { status: "not-found" };
  const handles = await context.handles();
  if (handles.status !== "ok") return handles;
  const ingested = await ingestAdvisories(context, handles.value);
  if (ingested.status !== "ok") return ingested;
  const letter = await guarded(() => loadDeadLetter(context, handles.value, sequence));
  if (letter.status !== "ok") return letter;
  if (letter.value === undefined) return { status: "not-found" };
  return ok({ ...summaryOf(context, letter.value), payload: letter.value.payload, headers: letter.value.headers });
}

const cursorSchema = z.object({ at: z.number().int().nonnegative(), seq: z.number().int().positive() });
type Cursor = z.infer<typeof cursorSchema>;

const newestFirst = (a: StoredDeadLetter, b: StoredDeadLetter) => b.meta.lastDeathAtMs - a.meta.lastDeathAtMs || b.sequence - a.sequence;

function after(cursor: Cursor | undefined, letter: StoredDeadLetter): boolean {
  if (cursor === undefined) return true;
  const at = letter.meta.lastDeathAtMs;
  return at < cursor.at || (at === cursor.at && letter.sequence < cursor.seq);
}

/**
 * Pages newest first (by last death, then DLQ sequence). The DLQ is read through an
 * ephemeral consumer filtered to the destination's DLQ subject when the filter names one; the
 * other filters apply to what it reads, so a page costs one pass over the matching subject.
 */
export async function listDeadLetters(context: NatsContext, request: ListDeadLettersRequest): Promise<BrokerResult<DeadLetterPage>> {
  let cursor: Cursor | undefined;
  if (request.cursor !== undefined) {
    const decoded = decodeCursor(request.cursor, cursorSchema);
    if (decoded.status !== "ok") return decoded;
    cursor = decoded.value;
  }
  if (!Number.isInteger(request.limit) || request.limit < 1) return failed("invalid", "the page limit must be a positive integer");
  const handles = await context.handles();
  if (handles.status !== "ok") return handles;
  const ingested = await ingestAdvisories(context, handles.value);
  if (ingested.status !== "ok") return ingested;
  const filter = request.filter ?? {};
  const subject = filter.destination === undefined ? `${context.names.dlqSubjectPrefix}.>` : dlqSubjectFor(context.names, filter.destination);
  const letters = await guarded(() => scanDeadLetters(context, handles.value, subject));
  if (letters.status !== "ok") return letters;
  const matching = letters.value
    .filter((letter) => after(cursor, letter) && matchesDeadLetterFilter(filter, { ...summaryOf(context, letter), payload: letter.payload }))
    .sort(newestFirst);
  const page = matching.slice(0, request.limit);
  const last = page.at(-1);
  const nextCursor = matching.length > request.limit && last !== undefined ? encodeCursor({ at: last.meta.lastDeathAtMs, seq: last.sequence }) : null;
  return ok({ items: page.map((letter) => summaryOf(context, letter)), nextCursor });
}

const scanBatch = 256;

async function scanDeadLetters(context: NatsContext, handles: NatsHandles, subject: string): Promise<StoredDeadLetter[]> {
  const { jsm, nc } = handles;
  // Unacknowledged, in memory, and removed by the server soon after if this call dies midway.
  const consumer = await jsm.consumers.add(context.names.dlqStream, {
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.All,
    filter_subject: subject,
    mem_storage: true,
    inactive_threshold: nanos(60_000),
  });
  try {
    const letters: StoredDeadLetter[] = [];
    for (;;) {
      const { messages } = await pull(nc, { stream: context.names.dlqStream, consumer: consumer.name, batch: scanBatch, waitMs: 0, graceMs: context.requestTimeoutMs });
      for (const message of messages) {
        const delivery = parseAckSubject(message.reply ?? "");
        const letter = delivery === undefined ? undefined : stored(context, delivery.streamSequence, message.subject, message.data, headersOf(message.headers));
        if (letter !== undefined) letters.push(letter);
      }
      if (messages.length < scanBatch) return letters;
    }
  } finally {
    await jsm.consumers.delete(context.names.dlqStream, consumer.name).catch(() => undefined);
  }
}

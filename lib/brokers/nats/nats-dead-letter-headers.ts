import { z } from "zod";
import type { DeadLetterCause, MessageHeaders } from "../types";

/**
 * A dead letter in the DLQ stream is the original message (payload and headers) plus these
 * headers, so a DLQ entry is self-describing: another tool (or `nats stream view`) can read it.
 */
export const deadLetterHeader = {
  cause: "Eventscope-Dl-Cause",
  reason: "Eventscope-Dl-Reason",
  subject: "Eventscope-Dl-Subject",
  stream: "Eventscope-Dl-Stream",
  sequence: "Eventscope-Dl-Sequence",
  consumer: "Eventscope-Dl-Consumer",
  deliveries: "Eventscope-Dl-Deliveries",
  firstDeath: "Eventscope-Dl-First-Death",
  lastDeath: "Eventscope-Dl-Last-Death",
  messageId: "Eventscope-Dl-Message-Id",
} as const;

/** Headers the adapter sets on ordinary messages: the message key has no JetStream field. */
export const messageHeader = { key: "Eventscope-Key", msgId: "Nats-Msg-Id" } as const;

/** What a DLQ entry records about its death, beside the original message. */
export interface DeadLetterMeta {
  cause: DeadLetterCause;
  reason: string;
  originalSubject: string;
  stream: string;
  streamSequence: number;
  consumer: string;
  deliveryCount: number;
  firstDeathAtMs: number;
  lastDeathAtMs: number;
  messageId: string | null;
  key: string | null;
}

const count = z.string().regex(/^\d{1,15}$/).transform(Number);

const metaSchema = z.object({
  [deadLetterHeader.cause]: z.enum(["max-deliveries", "rejected", "expired", "unknown"]),
  [deadLetterHeader.reason]: z.string(),
  [deadLetterHeader.subject]: z.string().min(1),
  [deadLetterHeader.stream]: z.string().min(1),
  [deadLetterHeader.sequence]: count,
  [deadLetterHeader.consumer]: z.string().min(1),
  [deadLetterHeader.deliveries]: count,
  [deadLetterHeader.firstDeath]: count,
  [deadLetterHeader.lastDeath]: count,
  [deadLetterHeader.messageId]: z.string().optional(),
  [messageHeader.key]: z.string().optional(),
});

/** Header values are one line; a reason is the consumer's free text. */
export function oneLine(text: string, max = 1_000): string {
  return text.replace(/[\r\n]+/g, " ").slice(0, max);
}

/** The metadata headers of a dead letter, merged over the original message's own headers. */
export function deadLetterHeaders(original: MessageHeaders, meta: DeadLetterMeta): MessageHeaders {
  const headers: MessageHeaders = {
    ...originalHeaders(original),
    [deadLetterHeader.cause]: meta.cause,
    [deadLetterHeader.reason]: oneLine(meta.reason),
    [deadLetterHeader.subject]: meta.originalSubject,
    [deadLetterHeader.stream]: meta.stream,
    [deadLetterHeader.sequence]: String(meta.streamSequence),
    [deadLetterHeader.consumer]: meta.consumer,
    [deadLetterHeader.deliveries]: String(meta.deliveryCount),
    [deadLetterHeader.firstDeath]: String(meta.firstDeathAtMs),
    [deadLetterHeader.lastDeath]: String(meta.lastDeathAtMs),
  };
  if (meta.messageId !== null) headers[deadLetterHeader.messageId] = meta.messageId;
  if (meta.key !== null) headers[messageHeader.key] = meta.key;
  return headers;
}

/** Reads the metadata back; undefined when a header is missing or malformed. */
export function readDeadLetterMeta(headers: MessageHeaders): DeadLetterMeta | undefined {
  const parsed = metaSchema.safeParse(headers);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  return {
    cause: data[deadLetterHeader.cause],
    reason: data[deadLetterHeader.reason],
    originalSubject: data[deadLetterHeader.subject],
    stream: data[deadLetterHeader.stream],
    streamSequence: data[deadLetterHeader.sequence],
    consumer: data[deadLetterHeader.consumer],
    deliveryCount: data[deadLetterHeader.deliveries],
    firstDeathAtMs: data[deadLetterHeader.firstDeath],
    lastDeathAtMs: data[deadLetterHeader.lastDeath],
    messageId: data[deadLetterHeader.messageId] ?? null,
    key: data[messageHeader.key] ?? null,
  };
}

/** The message's own headers: without dead-letter metadata, JetStream's `Nats-*` headers or the key. */
export function originalHeaders(headers: MessageHeaders): MessageHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.startsWith("Eventscope-Dl-") && !name.startsWith("Nats-") && name !== messageHeader.key),
  );
}

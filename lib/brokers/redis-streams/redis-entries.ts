import { z } from "zod";
import { parseHeadersJson, replayHeaders } from "../headers";
import type { DeadLetterCause, DeadLetterSummary, MessageHeaders } from "../types";
import { formatDeadLetterId, streamIdTime } from "./redis-names";

/**
 * How messages and dead letters are laid out as stream entries, and reading them back. An
 * Eventscope message is the fields `message-id`, `payload` (raw bytes), `headers` (JSON) and
 * optionally `key`. Entries other producers wrote are read too: their `payload` field if they
 * have one, otherwise all their fields as a JSON object.
 */
export const messageFields = { messageId: "message-id", payload: "payload", headers: "headers", key: "key" } as const;

/** Failure metadata the mover puts in front of the original fields of a dead-lettered entry. */
export const deadLetterFields = {
  reason: "dlq:reason",
  cause: "dlq:cause",
  destination: "dlq:destination",
  group: "dlq:group",
  entryId: "dlq:entry-id",
  deliveryCount: "dlq:delivery-count",
  firstDeathAt: "dlq:first-death-at",
  lastDeathAt: "dlq:last-death-at",
} as const;

const metadataPrefix = "dlq:";

/** One entry as XRANGE / XREADGROUP / XCLAIM return it with binary replies. */
export const rawEntrySchema = z.tuple([z.instanceof(Buffer), z.array(z.instanceof(Buffer))]);
export const rawEntriesSchema = z.array(rawEntrySchema);

export interface StreamEntry {
  id: string;
  /** In stream order; a name may in principle repeat, the first one counts. */
  fields: [string, Buffer][];
}

export function toStreamEntry([id, flat]: z.infer<typeof rawEntrySchema>): StreamEntry {
  const fields: [string, Buffer][] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) fields.push([flat[index]!.toString("utf8"), flat[index + 1]!]);
  return { id: id.toString("utf8"), fields };
}

function field(entry: StreamEntry, name: string): Buffer | undefined {
  return entry.fields.find(([candidate]) => candidate === name)?.[1];
}

function textField(entry: StreamEntry, name: string): string | undefined {
  return field(entry, name)?.toString("utf8");
}

export interface OutgoingFields {
  messageId: string;
  payload: Uint8Array;
  headers: MessageHeaders;
  key: string | null;
}

/** The XADD field list for a message. */
export function encodeMessage(message: OutgoingFields): (string | Buffer)[] {
  const fields: (string | Buffer)[] = [
    messageFields.messageId,
    message.messageId,
    messageFields.payload,
    Buffer.from(message.payload.buffer, message.payload.byteOffset, message.payload.byteLength),
    messageFields.headers,
    JSON.stringify(message.headers),
  ];
  if (message.key !== null) fields.push(messageFields.key, message.key);
  return fields;
}

export interface DecodedMessage {
  messageId: string;
  payload: Uint8Array;
  /** Undefined when a `headers` field is present but not a flat JSON object of strings. */
  headers: MessageHeaders | undefined;
  key: string | null;
  /** Written by Eventscope (or anything using the same four fields). */
  native: boolean;
}

/** Reads a message from its entry, ignoring dead-letter metadata. */
export function decodeMessage(entry: StreamEntry): DecodedMessage {
  const original = entry.fields.filter(([name]) => !name.startsWith(metadataPrefix));
  const view: StreamEntry = { id: entry.id, fields: original };
  const payload = field(view, messageFields.payload);
  const headersText = textField(view, messageFields.headers);
  const messageId = textField(view, messageFields.messageId);
  return {
    messageId: messageId ?? entry.id,
    payload: payload === undefined ? Buffer.from(JSON.stringify(Object.fromEntries(original.map(([name, value]) => [name, value.toString("utf8")]))), "utf8") : new Uint8Array(payload),
    headers: headersText === undefined ? {} : parseHeadersJson(headersText),
    key: textField(view, messageFields.key) ?? null,
    native: payload !== undefined && messageId !== undefined,
  };
}

const causeSchema: z.ZodType<DeadLetterCause> = z.enum(["max-deliveries", "rejected", "expired", "unknown"]).catch("unknown");
const millisSchema = z.coerce.number().int().nonnegative().optional().catch(undefined);

const metadataSchema = z.object({
  reason: z.string().catch("unknown"),
  cause: causeSchema,
  destination: z.string().min(1).optional().catch(undefined),
  group: z.string().min(1).nullable().catch(null),
  deliveryCount: z.coerce.number().int().nonnegative().catch(0),
  firstDeathAt: millisSchema,
  lastDeathAt: millisSchema,
});

export interface DecodedDeadLetter {
  summary: DeadLetterSummary;
  message: DecodedMessage;
}

/** A dead-letter entry of `<destination>:dlq`; entries without metadata still read, as "unknown". */
export function decodeDeadLetter(entry: StreamEntry, destination: string): DecodedDeadLetter {
  const metadata = metadataSchema.parse({
    reason: textField(entry, deadLetterFields.reason) ?? "unknown",
    cause: textField(entry, deadLetterFields.cause),
    destination: textField(entry, deadLetterFields.destination),
    group: textField(entry, deadLetterFields.group) ?? null,
    deliveryCount: textField(entry, deadLetterFields.deliveryCount) ?? 0,
    firstDeathAt: textField(entry, deadLetterFields.firstDeathAt),
    lastDeathAt: textField(entry, deadLetterFields.lastDeathAt),
  });
  const message = decodeMessage(entry);
  const lastDeathAt = metadata.lastDeathAt ?? streamIdTime(entry.id) ?? 0;
  return {
    message,
    summary: {
      id: formatDeadLetterId(entry.id, destination),
      deadLetterDestination: `${destination}:dlq`,
      originalDestination: metadata.destination ?? destination,
      // Stream ids are not the decimal offsets LogPosition promises, so the original entry id is not given here.
      originalPosition: null,
      consumer: metadata.group,
      messageId: message.messageId === entry.id ? null : message.messageId,
      key: message.key,
      cause: metadata.cause,
      reason: metadata.reason,
      deliveryCount: metadata.deliveryCount,
      firstDeathAt: new Date(Math.min(metadata.firstDeathAt ?? lastDeathAt, lastDeathAt)),
      lastDeathAt: new Date(lastDeathAt),
      payloadBytes: message.payload.byteLength,
    },
  };
}

/**
 * The fields a replay publishes: an Eventscope message gets a new id and headers saying where it
 * came from (the mover reads the first death back from them if it dies again); an entry
 * another producer wrote is republished exactly as it was.
 */
export function replayFields(letter: DecodedDeadLetter, entry: StreamEntry, newMessageId: string): { fields: (string | Buffer)[]; messageId: string | null } {
  if (!letter.message.native) {
    // Such a message has no id of its own: the new entry's id will name it.
    const fields = entry.fields.filter(([name]) => !name.startsWith(metadataPrefix)).flat();
    return { fields, messageId: null };
  }
  const headers: MessageHeaders = {
    ...(letter.message.headers ?? {}),
    [replayHeaders.replayOf]: letter.summary.id,
    [replayHeaders.firstDeathAt]: String(letter.summary.firstDeathAt.getTime()),
  };
  return { fields: encodeMessage({ messageId: newMessageId, payload: letter.message.payload, headers, key: letter.message.key }), messageId: newMessageId };
}

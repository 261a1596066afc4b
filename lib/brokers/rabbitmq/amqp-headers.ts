import type { MessageHeaders } from "../types";

/**
 * AMQP header tables hold typed values (numbers, booleans, byte arrays, timestamps, nested
 * tables and arrays); the portal's `MessageHeaders` are strings. This is the one conversion.
 */
export type AmqpHeaders = Record<string, unknown>;

/** amqplib decodes AMQP timestamps (and a few other typed values) as `{ "!": type, value }`. */
function isTypedValue(value: unknown): value is { "!": string; value: unknown } {
  return typeof value === "object" && value !== null && "!" in value && "value" in value;
}

/** Plain JSON for nested values: buffers as UTF-8, typed values unwrapped. */
function toJsonValue(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString("utf8");
  if (typeof value === "bigint") return value.toString();
  if (isTypedValue(value)) return toJsonValue(value.value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJsonValue(inner)]));
  }
  return value;
}

/** One header value as a string; absent values are dropped by {@link normalizeHeaders}. */
export function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Buffer.isBuffer(value)) return value.toString("utf8");
  if (isTypedValue(value)) return headerText(value.value);
  return JSON.stringify(toJsonValue(value));
}

/** Headers as the portal shows them: every value a string, nested tables (x-death) as JSON. */
export function normalizeHeaders(headers: AmqpHeaders | undefined): MessageHeaders {
  const normalized: MessageHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const text = headerText(value);
    if (text !== undefined) normalized[name] = text;
  }
  return normalized;
}

/** Headers that only describe a past delivery or death, never carried onto a new publish. */
export const transientHeaderNames: readonly string[] = ["x-death", "x-first-death-exchange", "x-first-death-queue", "x-first-death-reason", "x-delivery-count"];

/** Headers Eventscope sets when it dead-letters a message itself (see `rabbitmq-consumer.ts`). */
export const deadLetterHeaders = {
  reason: "x-eventscope-reason",
  cause: "x-eventscope-cause",
  deliveryCount: "x-eventscope-delivery-count",
  deadLetteredAt: "x-eventscope-dead-lettered-at",
  originalExchange: "x-eventscope-original-exchange",
  originalRoutingKey: "x-eventscope-original-routing-key",
  originalQueue: "x-eventscope-original-queue",
} as const;

/** The headers a replay republishes: the message's own, without any record of its deaths. */
export function headersForRepublish(headers: AmqpHeaders | undefined): AmqpHeaders {
  const dropped = new Set<string>([...transientHeaderNames, ...Object.values(deadLetterHeaders)]);
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !dropped.has(name)));
}

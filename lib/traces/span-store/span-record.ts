import { spanKey, traceKey } from "./span-keys";

/** A span as the store writes it: ids normalised, times in Unix nanoseconds, JSON already encoded. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  serviceName: string;
  name: string;
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  statusCode: number;
  statusMessage: string;
  /** JSON texts. */
  attributes: string;
  resource: string;
  events: string;
  messaging: {
    role: "publish" | "consume";
    system: string | null;
    destination: string | null;
    eventType: string | null;
    messageId: string | null;
    consumerGroup: string | null;
  } | null;
  links: { traceId: string; spanId: string; attributes: string }[];
  keys: { key: string; value: string }[];
}

/**
 * Writes batches of spans. One transaction per batch, committed before `write` resolves, so a
 * batch acknowledged to a client survives the process being killed. Spans already stored (an
 * exporter's retry) are ignored.
 */
export interface SpanWriter {
  write(records: SpanRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** The Span table's columns, in the order {@link spanRow} returns their values. */
export const spanColumns = [
  "traceId",
  "spanId",
  "traceKey",
  "spanKey",
  "parentSpanId",
  "serviceName",
  "name",
  "kind",
  "startTimeUnixNano",
  "endTimeUnixNano",
  "durationNano",
  "statusCode",
  "statusMessage",
  "attributes",
  "resource",
  "events",
  "messagingRole",
  "messagingSystem",
  "destination",
  "eventType",
  "messageId",
  "consumerGroup",
  "keys",
] as const;

/** One span's values for the Span table, in {@link spanColumns} order. */
export function spanRow(span: SpanRecord): (string | number | bigint | null)[] {
  const messaging = span.messaging;
  return [
    span.traceId,
    span.spanId,
    traceKey(span.traceId),
    spanKey(span.spanId),
    span.parentSpanId,
    span.serviceName,
    span.name,
    span.kind,
    span.startTimeUnixNano,
    span.endTimeUnixNano,
    span.endTimeUnixNano - span.startTimeUnixNano,
    span.statusCode,
    span.statusMessage,
    span.attributes,
    span.resource,
    span.events,
    messaging?.role ?? null,
    messaging?.system ?? null,
    messaging?.destination ?? null,
    messaging?.eventType ?? null,
    messaging?.messageId ?? null,
    messaging?.consumerGroup ?? null,
    JSON.stringify(span.keys),
  ];
}

/** The SpanLink table's columns, in the order {@link linkRows} returns their values. */
export const linkColumns = ["linkedTraceKey", "linkedSpanKey", "traceKey", "spanKey", "traceId", "spanId", "linkedTraceId", "linkedSpanId", "attributes"] as const;

/** One row per link of the span, in {@link linkColumns} order. */
export function linkRows(span: SpanRecord): (string | bigint)[][] {
  if (span.links.length === 0) return [];
  const from = [traceKey(span.traceId), spanKey(span.spanId)];
  return span.links.map((link) => [traceKey(link.traceId), spanKey(link.spanId), ...from, span.traceId, span.spanId, link.traceId, link.spanId, link.attributes]);
}

/** The SpanKey table's columns, in the order {@link keyRows} returns their values. */
export const keyColumns = ["key", "value", "traceKey", "spanKey", "traceId", "startTimeUnixNano"] as const;

/** One row per business key of the span, in {@link keyColumns} order. */
export function keyRows(span: SpanRecord): (string | bigint)[][] {
  if (span.keys.length === 0) return [];
  const of = [traceKey(span.traceId), spanKey(span.spanId), span.traceId, span.startTimeUnixNano];
  return span.keys.map((key) => [key.key, key.value, ...of]);
}

/** A stored span's `keys` column back as business keys; anything unreadable counts as none. */
export function parseBusinessKeys(json: string): { key: string; value: string }[] {
  try {
    const value = JSON.parse(json) as unknown;
    if (!Array.isArray(value)) return [];
    return value.filter((entry): entry is { key: string; value: string } => typeof entry?.key === "string" && typeof entry?.value === "string");
  } catch {
    return [];
  }
}

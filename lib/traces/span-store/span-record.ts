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

/** The SpanLink table's columns, in the order {@link spanRows} returns their values. */
export const linkColumns = ["linkedTraceKey", "linkedSpanKey", "traceKey", "spanKey", "startTimeUnixNano", "traceId", "spanId", "linkedTraceId", "linkedSpanId", "attributes", "serviceName", "name"] as const;

/** The SpanKey table's columns, in the order {@link spanRows} returns their values. */
export const keyColumns = ["key", "value", "traceKey", "spanKey", "traceId", "startTimeUnixNano"] as const;

/** The MessagingUsage table's key columns. */
export const usageColumns = ["eventType", "serviceName", "role", "destination", "hourStartMs"] as const;

/** A value bound to a column. */
export type Value = string | number | bigint | null;

/** A span's Span row, in {@link spanColumns} order, given its keys (span-keys.ts). */
export function spanRow(span: SpanRecord, ownTraceKey: bigint, ownSpanKey: bigint): Value[] {
  const messaging = span.messaging;
  return [
    span.traceId,
    span.spanId,
    ownTraceKey,
    ownSpanKey,
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

/** One span's rows: its Span row, one SpanLink row per link, one SpanKey row per business key. */
export interface SpanRows {
  span: Value[];
  links: Value[][];
  keys: Value[][];
}

/** A span's rows, in {@link spanColumns}, {@link linkColumns} and {@link keyColumns} order. */
export function spanRows(span: SpanRecord): SpanRows {
  const ownTraceKey = traceKey(span.traceId);
  const ownSpanKey = spanKey(span.spanId);
  return {
    span: spanRow(span, ownTraceKey, ownSpanKey),
    links: span.links.map((link) => [traceKey(link.traceId), spanKey(link.spanId), ownTraceKey, ownSpanKey, span.startTimeUnixNano, span.traceId, span.spanId, link.traceId, link.spanId, link.attributes, span.serviceName, span.name]),
    keys: span.keys.map((key) => [key.key, key.value, ownTraceKey, ownSpanKey, span.traceId, span.startTimeUnixNano]),
  };
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

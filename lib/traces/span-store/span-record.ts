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
] as const;

/** One span's values for the Span table, in {@link spanColumns} order. */
export function spanRow(span: SpanRecord): (string | number | bigint | null)[] {
  const messaging = span.messaging;
  return [
    span.traceId,
    span.spanId,
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
  ];
}

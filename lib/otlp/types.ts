/**
 * A JSON-safe attribute value. OTLP int64 values beyond ±2^53 arrive as decimal strings, bytes
 * values as base64 strings, non-finite doubles as "NaN" / "Infinity" / "-Infinity", and an
 * AnyValue with nothing set as null.
 */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };

/** Attributes keyed by name; a repeated key keeps its last value. */
export type Attributes = Record<string, AttributeValue>;

/** OTLP span kinds, numbered as on the wire. */
export const SpanKind = { UNSPECIFIED: 0, INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;

/** OTLP status codes, numbered as on the wire. */
export const StatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;

/** A span event with its time in Unix nanoseconds. */
export interface SpanEvent {
  name: string;
  timeUnixNano: bigint;
  attributes: Attributes;
}

/** A link to another span; ids are lower-case hex like the span's own. */
export interface SpanLink {
  traceId: string;
  spanId: string;
  attributes: Attributes;
}

/** The instrumentation scope that produced a span; empty strings when the exporter sent none. */
export interface InstrumentationScope {
  name: string;
  version: string;
}

/** Whether a messaging span sends a message or takes one in. */
export type MessagingRole = "publish" | "consume";

/**
 * What a messaging span says about its message, read from the messaging semantic conventions of
 * any version. Each string is the attribute's value as sent, or null when absent or empty.
 */
export interface MessagingInfo {
  role: MessagingRole;
  /** The operation as the span named it (`send`, `process`, `publish`, …), or `send` / `process` when only the span kind told. */
  operation: string;
  system: string | null;
  /** For RabbitMQ the exchange (the routing key when the default exchange was used). */
  destination: string | null;
  messageId: string | null;
  consumerGroup: string | null;
  routingKey: string | null;
  conversationId: string | null;
  eventType: string | null;
}

/** A span ready to be stored: ids and times validated and normalised once, here. */
export interface NormalizedSpan {
  /** 32 lower-case hex digits, never all zeros. */
  traceId: string;
  /** 16 lower-case hex digits, never all zeros. */
  spanId: string;
  /** 16 lower-case hex digits, or null for a root span. */
  parentSpanId: string | null;
  name: string;
  /** 0–5 as in OTLP (see {@link SpanKind}); unknown values become 0. */
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  /** 0 unset, 1 ok, 2 error (see {@link StatusCode}); unknown values become 0. */
  statusCode: number;
  statusMessage: string;
  /** The resource's `service.name`, or `unknown_service`. */
  serviceName: string;
  resource: Attributes;
  attributes: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
  scope: InstrumentationScope;
  messaging: MessagingInfo | null;
}

/** Spans of a request that could not be stored: how many, and why (the first few reasons). */
export interface RejectedSpans {
  count: number;
  reasons: string[];
}

/** The outcome of decoding one OTLP trace export request. */
export type DecodeResult =
  | { ok: true; spans: NormalizedSpan[]; rejected: RejectedSpans }
  | { ok: false; status: 400 | 415; message: string };

/** Settings that shape decoding. */
export interface DecodeOptions {
  /** Span attributes that name a message's event type, first present wins. */
  eventTypeAttributes?: readonly string[];
}

/** A span as the order flow needs it: times as Unix-nanosecond bigints, attributes parsed. */
export interface FlowSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  serviceName: string;
  name: string;
  startNano: bigint;
  endNano: bigint;
  /** 2 is ERROR, as in OTLP. */
  statusCode: number;
  statusMessage: string;
  messaging: {
    role: "publish" | "consume";
    system: string | null;
    destination: string | null;
    eventType: string | null;
    messageId: string | null;
    consumerGroup: string | null;
  } | null;
  /** Parsed span attributes; may be empty for non-messaging spans. */
  attributes: Record<string, unknown>;
}

/** A span link: the span (traceId, spanId) links to (linkedTraceId, linkedSpanId). */
export interface FlowLink {
  traceId: string;
  spanId: string;
  linkedTraceId: string;
  linkedSpanId: string;
}

/** A span, by its ids. */
export interface SpanRef {
  traceId: string;
  spanId: string;
}

/** One delivery of a message to a consumer. Times are Unix nanoseconds as decimal strings. */
export interface FlowAttempt extends SpanRef {
  startAt: string;
  endAt: string;
  error: boolean;
  statusMessage: string;
}

/** How the consume spans of a hop were tied to its publish span. */
export type HopMatch = "link" | "parent" | "message-id" | "none";

/** What became of a message at one consumer. */
export type HopOutcome = "ok" | "error" | "dead-lettered";

/**
 * One message from one producer to one consumer. `publishAt`, `processStartAt` (first attempt)
 * and the other `…At` fields are Unix nanoseconds as decimal strings; `dwellMs` is
 * `processStartAt − publishAt` in milliseconds (negative only when clocks disagree).
 */
export interface FlowHop {
  eventType: string | null;
  eventVersion: string | null;
  /** The publishing span's service; null when no publish span was found (producer not traced). */
  producer: string | null;
  consumer: string;
  consumerGroup: string | null;
  system: string | null;
  destination: string | null;
  messageId: string | null;
  publishAt: string | null;
  publishEndAt: string | null;
  processStartAt: string;
  processEndAt: string;
  dwellMs: number | null;
  attempts: FlowAttempt[];
  retries: number;
  outcome: HopOutcome;
  /** The dead-letter hop, when the consumer gave up: where the message went and when. */
  deadLetter: { destination: string | null; at: string; rule: DeadLetterRule } | null;
  publish: SpanRef | null;
  matchedBy: HopMatch;
}

/** Which rule marked a message as dead-lettered (see `classifyOutcome`). */
export type DeadLetterRule = "dead-letter-publish" | "dead-letter-delivery" | "dead-letter-attribute" | "max-deliveries";

/** Messages from one service to another (or to no consumer seen: `to: null`) through one destination. */
export interface FlowEdge {
  from: string | null;
  to: string | null;
  eventType: string | null;
  eventVersion: string | null;
  system: string | null;
  destination: string | null;
  /** Messages (not deliveries). */
  count: number;
  /** Messages whose outcome was not ok. */
  errors: number;
  /** The destination is a dead-letter queue/topic/exchange. */
  deadLetter: boolean;
}

/** Everything one business key went through, stitched across traces. */
export interface OrderFlow {
  key: string;
  value: string;
  /** Traces in the flow, earliest first. */
  traceIds: string[];
  /** Services seen, in order of their first span. */
  services: string[];
  edges: FlowEdge[];
  /** Hops, by publish time. */
  hops: FlowHop[];
  /** True when the stitching stopped at its trace limit. */
  truncated: boolean;
}

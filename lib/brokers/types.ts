import type { BrokerError, BrokerNotFound, BrokerProblem, BrokerResult } from "./broker-result";
import type { MessagingClient } from "./messaging-client";

/**
 * What the portal needs from a broker, and nothing else: what exists, how far behind each
 * consumer is, and the dead letters with replay and discard. Every broker Eventscope talks to
 * — the embedded one included — implements it; each lives in its own folder and passes the
 * shared contract suite (`contract/broker-contract.ts`).
 *
 * Vocabulary: a *destination* is where messages are published (topic, queue, subject, stream);
 * a *consumer* is a named reader of one (subscription, queue consumer, JetStream consumer,
 * consumer group). Kafka fits as topic + consumer group, with per-partition positions.
 */
export type BrokerKind = "embedded" | "rabbitmq" | "nats" | "redis-streams";

/** Message headers, normalised to strings (AMQP tables and Kafka byte headers are converted). */
export type MessageHeaders = Record<string, string>;

/** A position in a partitioned log (Kafka, or a single-partition stream with partition 0). */
export interface LogPosition {
  partition: number;
  /** Offsets are 64-bit; kept as decimal strings so no precision is lost. */
  offset: string;
}

export interface BrokerDescription {
  kind: BrokerKind;
  /** The broker's own version string, where it tells. */
  version: string | null;
  destinations: DestinationInfo[];
}

export interface DestinationInfo {
  name: string;
  kind: "topic" | "queue" | "subject" | "stream" | "exchange";
  /** Messages stored and not yet consumed by every consumer, where the broker can tell. */
  depth: number | null;
  /** Null for unpartitioned destinations. */
  partitions: number | null;
  /** Where this destination's failed messages go (DLQ, DLX queue, DLT topic), if anywhere. */
  deadLetterDestination: string | null;
  consumers: ConsumerInfo[];
}

export interface ConsumerInfo {
  name: string;
  /** Deliveries before a message is dead-lettered; null when unlimited or unknown. */
  maxDeliveries: number | null;
}

/**
 * How far one consumer is behind on one destination, read at `readAt`.
 * `waiting` is delivered-to-nobody-yet (Kafka: end offset − committed offset);
 * `inFlight` is delivered but not acknowledged (null where the broker has no such notion).
 */
export interface LagReading {
  destination: string;
  consumer: string;
  waiting: number;
  inFlight: number | null;
  /** Age of the oldest waiting message, null when nothing waits or the broker cannot tell. */
  oldestWaitingAgeMs: number | null;
  /** Per-partition detail for partitioned logs; null otherwise. */
  partitions: PartitionLag[] | null;
  readAt: Date;
}

export interface PartitionLag {
  partition: number;
  committedOffset: string | null;
  endOffset: string;
  waiting: number;
}

/** Narrows a lag read; both absent means every (destination, consumer) pair. */
export interface LagQuery {
  destination?: string;
  consumer?: string;
}

/** How a message came to be dead-lettered. */
export type DeadLetterCause =
  /** Delivered the maximum number of times without an acknowledgement. */
  | "max-deliveries"
  /** Explicitly rejected / terminated by a consumer. */
  | "rejected"
  /** Its time to live ran out. */
  | "expired"
  | "unknown";

/** A dead letter as listed: everything except its payload and headers. */
export interface DeadLetterSummary {
  /** Opaque, stable, adapter-specific. */
  id: string;
  /** Where the dead letter sits now (DLQ, DLT topic); for the embedded broker `topic/subscription`. */
  deadLetterDestination: string;
  originalDestination: string;
  /** Where in the original destination it was, for logs (Kafka `x-original-partition`/`-offset`). */
  originalPosition: LogPosition | null;
  consumer: string | null;
  messageId: string | null;
  /** The message key (Kafka key, routing key), if any. */
  key: string | null;
  cause: DeadLetterCause;
  /** The consumer's or broker's own words, e.g. "card declined" or "ack timeout". */
  reason: string;
  deliveryCount: number;
  firstDeathAt: Date;
  lastDeathAt: Date;
  payloadBytes: number;
}

/** A dead letter in full. */
export interface DeadLetter extends DeadLetterSummary {
  payload: Uint8Array;
  headers: MessageHeaders;
}

/** All fields optional; present ones must all match. */
export interface DeadLetterFilter {
  /** The original destination, exactly. */
  destination?: string;
  /** Case-insensitive substring of the reason. */
  reason?: string;
  /** Last death at or after. */
  since?: Date;
  /** Last death before. */
  until?: Date;
  /** Case-insensitive substring of the payload read as UTF-8. */
  text?: string;
}

export interface ListDeadLettersRequest {
  filter?: DeadLetterFilter;
  /** From a previous page's `nextCursor`; absent for the first page. */
  cursor?: string;
  /** At most this many, newest (by last death) first. */
  limit: number;
}

export interface DeadLetterPage {
  items: DeadLetterSummary[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/**
 * `idempotencyKey` is chosen by the caller (one per user action). Repeating a request with
 * the same key returns the first outcome without acting again — never a second publish.
 */
export interface ReplayRequest {
  id: string;
  idempotencyKey: string;
  /** Publish here instead of the original destination. */
  destination?: string;
}

export interface DiscardRequest {
  id: string;
  idempotencyKey: string;
}

/** The dead letter was republished and the broker confirmed it. */
export interface Replayed {
  status: "replayed";
  destination: string;
  messageId: string;
  /** True when this answers a repeated key: the publish happened on an earlier call. */
  repeated: boolean;
}

export interface Discarded {
  status: "discarded";
  repeated: boolean;
}

export type ReplayResult = Replayed | BrokerNotFound | BrokerProblem;
export type DiscardResult = Discarded | BrokerNotFound | BrokerProblem;

export type HealthResult =
  | { status: "up"; latencyMs: number; version: string | null }
  | { status: "down"; latencyMs: number; error: BrokerError };

/** The read-and-repair side of a broker, as the portal sees it. */
export interface BrokerAdapter {
  readonly kind: BrokerKind;
  /** Connects if needed and answers whether the broker is usable. Never throws. */
  checkHealth(): Promise<HealthResult>;
  describe(): Promise<BrokerResult<BrokerDescription>>;
  readLag(query?: LagQuery): Promise<BrokerResult<LagReading[]>>;
  listDeadLetters(request: ListDeadLettersRequest): Promise<BrokerResult<DeadLetterPage>>;
  /** Waiting dead letters only; one already replayed or discarded is not found. */
  readDeadLetter(id: string): Promise<BrokerResult<DeadLetter> | BrokerNotFound>;
  /** Republishes with publisher confirmation, then removes the dead letter. */
  replayDeadLetter(request: ReplayRequest): Promise<ReplayResult>;
  discardDeadLetter(request: DiscardRequest): Promise<DiscardResult>;
  close(): Promise<void>;
}

/** A full broker: what the portal reads plus what the demo and the contract suite publish and consume with. */
export interface Broker extends BrokerAdapter, MessagingClient {
  close(): Promise<void>;
}

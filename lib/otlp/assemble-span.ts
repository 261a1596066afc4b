import { classifyMessaging } from "./classify-messaging";
import { SpanRejection } from "./span-ids";
import type { AttributeValue, Attributes, DecodeOptions, InstrumentationScope, NormalizedSpan, RejectedSpans, SpanEvent, SpanLink } from "./types";

/** How many rejection reasons a result carries; the count covers them all. */
export const MAX_REJECTION_REASONS = 20;

const DEFAULT_SERVICE_NAME = "unknown_service";

/** The body as a whole cannot be read as an `ExportTraceServiceRequest` (a 400). */
export class MalformedBodyError extends Error {
  override name = "MalformedBodyError";
}

/** Counts rejected spans and keeps the first {@link MAX_REJECTION_REASONS} reasons. */
export class RejectionLog implements RejectedSpans {
  count = 0;
  reasons: string[] = [];

  add(where: string, error: unknown): void {
    if (!(error instanceof SpanRejection)) throw error;
    this.count++;
    if (this.reasons.length < MAX_REJECTION_REASONS) this.reasons.push(`${where}: ${error.message}`);
  }

  toJSON(): RejectedSpans {
    return { count: this.count, reasons: this.reasons };
  }
}

/** What every span of one resource and scope shares. */
export interface SpanContextShared {
  serviceName: string;
  resource: Attributes;
  scope: InstrumentationScope;
}

/** A span whose ids are already validated, before its times are checked and it is classified. */
export interface SpanDraft {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: number;
  /** Null when absent or unreadable. */
  startTimeUnixNano: bigint | null;
  endTimeUnixNano: bigint | null;
  statusCode: number;
  statusMessage: string;
  attributes: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
}

/** The shared part of a resource's spans: its `service.name` (or `unknown_service`) and attributes. */
export function sharedContext(resource: Attributes, scope: InstrumentationScope): SpanContextShared {
  const serviceName = resource["service.name"];
  return { serviceName: typeof serviceName === "string" && serviceName !== "" ? serviceName : DEFAULT_SERVICE_NAME, resource, scope };
}

/** The stored span, or a {@link SpanRejection} thrown when its times make no sense. */
export function finishSpan(draft: SpanDraft, shared: SpanContextShared, options: DecodeOptions): NormalizedSpan {
  const start = draft.startTimeUnixNano;
  const end = draft.endTimeUnixNano;
  if (start === null || start === 0n) throw new SpanRejection("startTimeUnixNano is missing");
  if (end === null || end === 0n) throw new SpanRejection("endTimeUnixNano is missing");
  if (end < start) throw new SpanRejection("endTimeUnixNano is before startTimeUnixNano");
  return {
    traceId: draft.traceId,
    spanId: draft.spanId,
    parentSpanId: draft.parentSpanId,
    name: draft.name,
    kind: draft.kind >= 0 && draft.kind <= 5 ? draft.kind : 0,
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    statusCode: draft.statusCode >= 0 && draft.statusCode <= 2 ? draft.statusCode : 0,
    statusMessage: draft.statusMessage,
    serviceName: shared.serviceName,
    resource: shared.resource,
    attributes: draft.attributes,
    events: draft.events,
    links: draft.links,
    scope: shared.scope,
    messaging: classifyMessaging(draft.attributes, draft.kind, { eventTypeAttributes: options.eventTypeAttributes }),
  };
}

/** Sets one attribute; a `__proto__` key becomes an own property instead of replacing the prototype. */
export function setAttribute(target: Attributes, key: string, value: AttributeValue): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A double as JSON can hold it: non-finite values as their names. */
export function finiteOrName(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

/** An integer as a number when exact, else as a decimal string. */
export function safeIntegerOrString(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

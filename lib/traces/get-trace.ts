import { AppError } from "../errors";
import type { SpanReader } from "./span-store/span-reader";
import { parseBusinessKeys } from "./span-store/span-record";

export interface TraceSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  serviceName: string;
  name: string;
  kind: number;
  /** Unix nanoseconds, as decimal strings (JSON has no 64-bit integers). */
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  durationNano: string;
  statusCode: number;
  statusMessage: string;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  events: unknown[];
  messaging: { role: string; system: string | null; destination: string | null; eventType: string | null; messageId: string | null; consumerGroup: string | null } | null;
  /** Spans this span links to (e.g. a consumer's link to the producer that sent its message). */
  linksTo: { traceId: string; spanId: string }[];
  /** Spans, in any trace, that link to this one. */
  linkedFrom: { traceId: string; spanId: string }[];
  /** Business keys found on the span, e.g. `{ key: "order.id", value: "1042" }`. */
  keys: { key: string; value: string }[];
}

/** A span in another trace (or this one) that a span links to or is linked from. */
export interface LinkedSpan {
  traceId: string;
  spanId: string;
  serviceName: string;
  name: string;
}

/**
 * Every span of a trace, oldest first, with span links in both directions, and the service and
 * name of each span at a link's other end where it is stored (absent: not received yet, or expired).
 */
export async function getTrace(reader: SpanReader, traceId: string): Promise<{ traceId: string; spans: TraceSpan[]; linkedSpans: LinkedSpan[] }> {
  const id = traceId.toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(id)) throw new AppError("BAD_REQUEST", "traceId: expected 32 hexadecimal characters");
  const { spans, links } = await reader.trace(id);
  if (spans.length === 0) throw new AppError("NOT_FOUND", `no spans stored for trace ${id}`);
  const outgoing = links.filter((link) => link.direction === "out");
  const incoming = links.filter((link) => link.direction === "in");
  const linkedSpans = new Map<string, LinkedSpan>();
  for (const link of links) {
    if (link.otherServiceName === null || link.otherName === null) continue;
    const other = link.direction === "out" ? { traceId: link.linkedTraceId, spanId: link.linkedSpanId } : { traceId: link.traceId, spanId: link.spanId };
    linkedSpans.set(`${other.traceId}/${other.spanId}`, { ...other, serviceName: link.otherServiceName, name: link.otherName });
  }
  return {
    traceId: id,
    linkedSpans: [...linkedSpans.values()],
    spans: spans.map((span) => ({
      traceId: span.traceId,
      spanId: span.spanId,
      parentSpanId: span.parentSpanId,
      serviceName: span.serviceName,
      name: span.name,
      kind: span.kind,
      startTimeUnixNano: span.startTimeUnixNano,
      endTimeUnixNano: span.endTimeUnixNano,
      durationNano: span.durationNano,
      statusCode: span.statusCode,
      statusMessage: span.statusMessage,
      attributes: JSON.parse(span.attributes) as Record<string, unknown>,
      resource: JSON.parse(span.resource) as Record<string, unknown>,
      events: JSON.parse(span.events) as unknown[],
      messaging: span.messagingRole
        ? { role: span.messagingRole, system: span.messagingSystem, destination: span.destination, eventType: span.eventType, messageId: span.messageId, consumerGroup: span.consumerGroup }
        : null,
      linksTo: outgoing.filter((link) => link.spanId === span.spanId).map((link) => ({ traceId: link.linkedTraceId, spanId: link.linkedSpanId })),
      linkedFrom: incoming.filter((link) => link.linkedSpanId === span.spanId).map((link) => ({ traceId: link.traceId, spanId: link.spanId })),
      keys: parseBusinessKeys(span.keys),
    })),
  };
}

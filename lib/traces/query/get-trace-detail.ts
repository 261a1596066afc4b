import { getTrace, type TraceSpan } from "../get-trace";
import type { SpanReader } from "../span-store/span-reader";

/** A span in another trace (or this one) that a span links to or is linked from. */
export interface LinkedSpan {
  traceId: string;
  spanId: string;
  serviceName: string;
  name: string;
}

/** `GET /api/traces/{traceId}`: `getTrace`'s spans with links both ways, plus what the UI shows around them. */
export interface TraceDetail {
  traceId: string;
  spans: TraceSpan[];
  /** Service and name of every span at the other end of a link, where stored (absent: not received yet, or expired). */
  linkedSpans: LinkedSpan[];
  /** Business keys found in the trace, e.g. `{ key: "order.id", value: "1042" }`. */
  keys: { key: string; value: string }[];
}

/** One trace with its spans and links (see `getTrace`), the linked spans' names and the trace's business keys. */
export async function getTraceDetail(reader: SpanReader, traceId: string): Promise<TraceDetail> {
  const trace = await getTrace(reader, traceId);
  const refs = new Map<string, { traceId: string; spanId: string }>();
  for (const span of trace.spans) for (const ref of [...span.linksTo, ...span.linkedFrom]) refs.set(`${ref.traceId}/${ref.spanId}`, ref);
  const linkedSpans = await reader.spanNames([...refs.values()].slice(0, 500));
  const keys = new Map(trace.spans.flatMap((span) => span.keys).map((key) => [`${key.key}\u0000${key.value}`, key]));
  return { ...trace, linkedSpans, keys: [...keys.values()].sort((a, b) => a.key.localeCompare(b.key) || a.value.localeCompare(b.value)) };
}

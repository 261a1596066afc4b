import { getTrace, type LinkedSpan, type TraceSpan } from "../get-trace";
import type { SpanReader } from "../span-store/span-reader";

/** `GET /api/traces/{traceId}`: `getTrace`'s spans, links both ways and linked spans, plus the trace's business keys. */
export interface TraceDetail {
  traceId: string;
  spans: TraceSpan[];
  linkedSpans: LinkedSpan[];
  /** Business keys found in the trace, e.g. `{ key: "order.id", value: "1042" }`. */
  keys: { key: string; value: string }[];
}

/** One trace (see `getTrace`) and its business keys. */
export async function getTraceDetail(reader: SpanReader, traceId: string): Promise<TraceDetail> {
  const trace = await getTrace(reader, traceId);
  const keys = new Map(trace.spans.flatMap((span) => span.keys).map((key) => [`${key.key}\u0000${key.value}`, key]));
  return { ...trace, keys: [...keys.values()].sort((a, b) => a.key.localeCompare(b.key) || a.value.localeCompare(b.value)) };
}

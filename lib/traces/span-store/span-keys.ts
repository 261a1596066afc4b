/**
 * The span store's integer keys: the low 64 bits of a trace id and a span id, as signed 64-bit
 * integers (the type both SQLite and PostgreSQL index natively). Random ids make a collision
 * between two traces of one store vanishingly unlikely, and queries match the full `traceId` as
 * well, so reads never mix two traces up.
 */
export function traceKey(traceId: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${traceId.slice(-16)}`));
}

export function spanKey(spanId: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${spanId}`));
}

/**
 * A Prisma `where` for rows of the given traces in the given buckets (see Span in
 * prisma/schema.prisma), found through the bucket + `traceKey` index.
 */
export function inTraces(traceIds: readonly string[], buckets: readonly number[]): { bucket: { in: number[] }; traceKey: { in: bigint[] }; traceId: { in: string[] } } {
  const ids = [...new Set(traceIds)];
  return { bucket: { in: [...buckets] }, traceKey: { in: [...new Set(ids.map(traceKey))] }, traceId: { in: ids } };
}

/** A Prisma `where` for the rows of one trace, as {@link inTraces}. */
export function ofTrace(traceId: string, buckets: readonly number[]): { bucket: { in: number[] }; traceKey: bigint; traceId: string } {
  return { bucket: { in: [...buckets] }, traceKey: traceKey(traceId), traceId };
}

/**
 * SQL joining the SpanLink rows of the spans aliased `span` (its links to other spans), through the
 * index that starts with the linking span's start time.
 */
export function linksOfSpans(span: string, link: string): string {
  return `JOIN "SpanLink" ${link} ON ${link}."startTimeUnixNano" = ${span}."startTimeUnixNano" AND ${link}."traceKey" = ${span}."traceKey" AND ${link}."spanKey" = ${span}."spanKey" AND ${link}."traceId" = ${span}."traceId"`;
}

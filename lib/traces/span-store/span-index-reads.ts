import type { Database } from "../../db";
import { unixNanoToDate } from "../../format/units";
import { Prisma } from "../../generated/prisma-sqlite/client";

/** A range of span start times, in Unix nanoseconds, either end open. */
export interface StartRange {
  from?: bigint;
  to?: bigint;
}

export function startTimeFilter(range: StartRange): Prisma.BigIntFilter {
  return { ...(range.from !== undefined ? { gte: range.from } : {}), ...(range.to !== undefined ? { lte: range.to } : {}) };
}

/**
 * The start time of the `count`-th newest span matching `where` in the range, or undefined when
 * fewer match: where a read of the newest `count` of them begins. With `where` on nothing but
 * columns of a time index (service, event type, status), it is read from that index alone, so that
 * a busy store bounds a query by the spans it reads rather than by the clock.
 */
export async function startOfNewestSpans(database: Database, where: Prisma.SpanWhereInput, range: StartRange, count: number): Promise<bigint | undefined> {
  const [row] = await database.span.findMany({
    where: { ...where, startTimeUnixNano: startTimeFilter(range) },
    orderBy: { startTimeUnixNano: "desc" },
    skip: count - 1,
    take: 1,
    select: { startTimeUnixNano: true },
  });
  return row?.startTimeUnixNano;
}

/**
 * The part of a window from `windowStart` to now that a read of at most `maxSpans` spans matching
 * `where` covers: `since`, where the read begins, and `coveredSince` (ISO) when that is later than
 * `windowStart` because the window holds more, else null.
 */
export async function newestPartOfWindow(
  database: Database,
  where: Prisma.SpanWhereInput,
  windowStart: bigint,
  maxSpans: number,
): Promise<{ since: bigint; coveredSince: string | null }> {
  const newestStart = await startOfNewestSpans(database, where, { from: windowStart }, maxSpans);
  return newestStart === undefined ? { since: windowStart, coveredSince: null } : { since: newestStart, coveredSince: unixNanoToDate(newestStart).toISOString() };
}

/**
 * Distinct service names or event types of stored spans, alphabetical, at most `max`: a recursive
 * "skip scan" over the (serviceName, time) or (eventType, time) index, one index probe per name
 * instead of reading a million rows, on SQLite and PostgreSQL alike.
 */
export async function distinctSpanValues(database: Database, column: "serviceName" | "eventType", max: number): Promise<string[]> {
  const name = Prisma.raw(`"${column}"`);
  const rows = await database.$queryRaw<{ name: string }[]>`
    WITH RECURSIVE names(name, n) AS (
      SELECT MIN(${name}), 1 FROM "Span"
      UNION ALL
      SELECT (SELECT MIN(${name}) FROM "Span" WHERE ${name} > names.name), n + 1 FROM names WHERE names.name IS NOT NULL AND n < ${max}
    )
    SELECT name FROM names WHERE name IS NOT NULL`;
  return rows.map((row) => row.name);
}

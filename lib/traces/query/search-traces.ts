import type { Database } from "../../db";
import { unixNanoToDate } from "../../format/units";
import type { Prisma } from "../../generated/prisma-sqlite/client";
import { startOfNewestSpans, startTimeFilter, type StartRange } from "../span-store/span-index-reads";
import { businessKeyText } from "../span-store/bucket-bloom";
import { bucketDirectory } from "../span-store/bucket-directory";
import { inTraces, ofTrace } from "../span-store/span-keys";
import { parseBusinessKeys } from "../span-store/span-record";
import { summarizeTraces, traceDurationMs, withinDuration, type TraceFacts, type TraceSearchResult } from "./summarize-traces";
import type { TraceSearch } from "./trace-search-params";

/** A page of search results; `complete` is false when the scan budget ran out before `limit` traces matched. */
export interface TraceSearchPage {
  traces: TraceSearchResult[];
  complete: boolean;
  /** With `complete: false`, how far back (trace start, ISO) the search looked; narrow the time range to look further. */
  searchedBackTo: string | null;
}

interface Candidate {
  traceId: string;
  startNano: bigint;
}

/** How much of the store one search reads before it answers with what it found (and how far back it looked). */
export interface SearchBudget {
  /** Spans one page reads at most, through the index it scans, so that no query runs long. */
  windowSpans: number;
  pages: number;
}

const defaultBudget: SearchBudget = { windowSpans: 20_000, pages: 10 };

/**
 * Trace search that stays fast on a large store: candidate trace ids come first from one indexed,
 * time-ordered scan (the business key index for `key`+`value`, else event type + time, service +
 * time or time), newest first, a window of at most `budget.windowSpans` spans at a time; only those
 * candidates are then checked and aggregated by trace id. Span filters (`service`, `name`,
 * `eventType`, `attr`) must hold on one span, as in Jaeger; `key`, `error` and the duration
 * filters hold for the trace. A search that finds fewer than `limit` traces within
 * `budget.pages` pages answers with what it found and how far back it looked.
 */
export async function searchTraces(database: Database, search: TraceSearch, budget: SearchBudget = defaultBudget): Promise<TraceSearchPage> {
  const pageRows = Math.min(Math.max(search.limit * 5, 200), 2_000);
  const spanWhere = spanFilter(search);
  const keySource = search.key !== undefined && search.value !== undefined;
  const seen = new Set<string>();
  const found: TraceSearchResult[] = [];
  let cursor = search.toNano;
  let exhausted = false;
  for (let page = 0; page < budget.pages && found.length < search.limit && !exhausted; page += 1) {
    let rows: Candidate[];
    if (keySource) {
      rows = await keyCandidates(database, search, cursor, pageRows);
      exhausted = rows.length < pageRows;
      cursor = olderThan(rows, cursor);
    } else {
      const scanned = scannedIndex(search, spanWhere);
      const floor = await startOfNewestSpans(database, scanned, { from: search.fromNano, to: cursor }, budget.windowSpans);
      rows = await spanCandidates(database, { ...spanWhere, ...scanned }, { from: floor ?? search.fromNano, to: cursor }, pageRows);
      // A full page stops inside the window; otherwise the window is done and the next one starts below it.
      if (rows.length === pageRows) cursor = olderThan(rows, cursor);
      else if (floor === undefined) exhausted = true;
      else cursor = floor - 1n;
    }
    const fresh = [...new Set(rows.map((row) => row.traceId))].filter((traceId) => !seen.has(traceId));
    for (const traceId of fresh) seen.add(traceId);
    const candidates = await meetingTraceFilters(database, search, fresh);
    // Newest candidates first, in chunks of about what is still missing, so a page of 250
    // candidates for `limit=20` aggregates 20-odd traces, not 250.
    for (let start = 0; start < candidates.length && found.length < search.limit; ) {
      const chunk = candidates.slice(start, start + Math.max(search.limit - found.length, 20));
      start += chunk.length;
      const matching = keySource || needsKeyCheck(search) || search.attr ? await verify(database, search, chunk, keySource ? spanWhere : undefined) : chunk;
      if (matching.length === 0) continue;
      found.push(...summarizeTraces(await traceFacts(database, matching), { ...search, preferredKey: search.key ? { key: search.key, value: search.value } : undefined }));
    }
  }
  found.sort((a, b) => (a.startTimeUnixNano === b.startTimeUnixNano ? 0 : BigInt(a.startTimeUnixNano) > BigInt(b.startTimeUnixNano) ? -1 : 1));
  const complete = exhausted || found.length >= search.limit;
  return {
    traces: found.slice(0, search.limit),
    complete,
    searchedBackTo: complete || cursor === undefined ? null : unixNanoToDate(cursor).toISOString(),
  };
}

/** Where the next page starts: at the oldest row read, or just below it when a whole page shared one instant. */
function olderThan(rows: Candidate[], cursor: bigint | undefined): bigint | undefined {
  const last = rows.at(-1)?.startNano;
  if (last === undefined) return cursor;
  return last === cursor ? last - 1n : last;
}

/** The conditions that pick the index a page scans: service + time, event type + time, or time (with the status, for errors only). */
function scannedIndex(search: TraceSearch, spanWhere: Prisma.SpanWhereInput): Prisma.SpanWhereInput {
  if (search.service) return { serviceName: search.service };
  if (search.eventType) return { eventType: search.eventType };
  // With nothing else to go on, errors-only scans error spans directly.
  if (search.error && Object.keys(spanWhere).length === 0) return { statusCode: 2 };
  return {};
}

/** Conditions one span must meet; empty when the search has no span filter. */
function spanFilter(search: TraceSearch): Prisma.SpanWhereInput {
  const where: Prisma.SpanWhereInput = {};
  if (search.service) where.serviceName = search.service;
  if (search.name) where.name = search.name;
  if (search.eventType) where.eventType = search.eventType;
  // JSON text cannot be indexed portably: narrow with LIKE, then check the parsed value (below).
  if (search.attr) where.AND = [{ attributes: { contains: `${JSON.stringify(search.attr.key)}:` } }, { attributes: { contains: search.attr.value } }];
  return where;
}

function needsKeyCheck(search: TraceSearch): boolean {
  return search.key !== undefined && search.value === undefined;
}

async function spanCandidates(database: Database, where: Prisma.SpanWhereInput, range: StartRange, take: number): Promise<Candidate[]> {
  const rows = await database.span.findMany({
    where: { ...where, startTimeUnixNano: startTimeFilter(range) },
    orderBy: { startTimeUnixNano: "desc" },
    take,
    select: { traceId: true, startTimeUnixNano: true },
  });
  return rows.map((row) => ({ traceId: row.traceId, startNano: row.startTimeUnixNano }));
}

async function keyCandidates(database: Database, search: TraceSearch, cursor: bigint | undefined, take: number): Promise<Candidate[]> {
  const buckets = await bucketDirectory(database).candidates([{ kind: "key", key: businessKeyText(search.key!, search.value!) }]);
  const rows = await database.spanKey.findMany({
    where: {
      bucket: { in: buckets },
      key: search.key!,
      value: search.value!,
      startTimeUnixNano: startTimeFilter({ from: search.fromNano, to: cursor }),
    },
    orderBy: { startTimeUnixNano: "desc" },
    take,
    select: { traceId: true, startTimeUnixNano: true },
  });
  return rows.map((row) => ({ traceId: row.traceId, startNano: row.startTimeUnixNano }));
}

/**
 * The candidates within the duration bounds and, for errors only, with an error span: one
 * aggregate over all of a page's candidates, so that only traces that can match are summarised.
 */
async function meetingTraceFilters(database: Database, search: TraceSearch, traceIds: string[]): Promise<string[]> {
  const byDuration = search.minMs !== undefined || search.maxMs !== undefined;
  if (traceIds.length === 0 || (!byDuration && !search.error)) return traceIds;
  const inBatch = await inStoredTraces(database, traceIds);
  const [extents, failed] = await Promise.all([
    byDuration ? database.span.groupBy({ by: ["traceId"], where: inBatch, _min: { startTimeUnixNano: true }, _max: { endTimeUnixNano: true } }) : [],
    search.error ? database.span.groupBy({ by: ["traceId"], where: { ...inBatch, statusCode: 2 } }) : [],
  ]);
  const lasting = new Set(extents.filter(({ _min, _max }) => withinDuration(traceDurationMs(_min.startTimeUnixNano ?? 0n, _max.endTimeUnixNano ?? 0n), search)).map((extent) => extent.traceId));
  const failing = new Set(failed.map((row) => row.traceId));
  return traceIds.filter((traceId) => (!byDuration || lasting.has(traceId)) && (!search.error || failing.has(traceId)));
}

/** The candidates that really match: span filters on one span (attr checked exactly), and a bare `key`. */
async function verify(database: Database, search: TraceSearch, traceIds: string[], spanWhere: Prisma.SpanWhereInput | undefined): Promise<string[]> {
  let matching = traceIds;
  const filtered = spanWhere ?? spanFilter(search);
  if (Object.keys(filtered).length === 0 && !needsKeyCheck(search)) return matching;
  const inBatch = await inStoredTraces(database, traceIds);
  if (Object.keys(filtered).length > 0) {
    const spans = await database.span.findMany({
      where: { ...filtered, ...inBatch },
      select: { traceId: true, attributes: !!search.attr },
    });
    const ok = new Set(spans.filter((span) => !search.attr || attributeMatches(span.attributes, search.attr)).map((span) => span.traceId));
    matching = matching.filter((traceId) => ok.has(traceId));
  }
  if (needsKeyCheck(search) && matching.length > 0) {
    // Narrowed with LIKE (case-insensitive on SQLite), then checked exactly.
    const keyed = await database.span.findMany({ where: { ...inBatch, traceId: { in: matching }, keys: { contains: `"key":${JSON.stringify(search.key)},` } }, select: { traceId: true, keys: true } });
    const ok = new Set(keyed.filter((row) => parseBusinessKeys(row.keys).some(({ key }) => key === search.key)).map((row) => row.traceId));
    matching = matching.filter((traceId) => ok.has(traceId));
  }
  return matching;
}

function attributeMatches(json: string | undefined, attr: { key: string; value: string }): boolean {
  if (json === undefined) return false;
  try {
    const value = (JSON.parse(json) as Record<string, unknown>)[attr.key];
    return (typeof value === "string" || typeof value === "number" || typeof value === "boolean") && String(value) === attr.value;
  } catch {
    return false;
  }
}

/**
 * A Prisma `where` for the spans of the given traces, in the buckets that may hold them (see Span
 * in prisma/schema.prisma).
 */
async function inStoredTraces(database: Database, traceIds: readonly string[]) {
  return inTraces(traceIds, await bucketDirectory(database).candidates(traceIds.map((traceId) => ({ kind: "trace", key: traceId }))));
}

/** Everything a summary needs for a batch of trace ids, aggregated by trace id (found through the bucket + traceKey index). */
async function traceFacts(database: Database, traceIds: string[]): Promise<TraceFacts> {
  const inBatch = await inStoredTraces(database, traceIds);
  const [totals, services, roots, errors, keys] = await Promise.all([
    database.span.groupBy({ by: ["traceId"], where: inBatch, _count: { _all: true }, _min: { startTimeUnixNano: true }, _max: { endTimeUnixNano: true } }),
    database.span.groupBy({ by: ["traceId", "serviceName"], where: inBatch }),
    database.span.findMany({ where: { ...inBatch, parentSpanId: null }, select: { traceId: true, serviceName: true, name: true, startTimeUnixNano: true, parentSpanId: true } }),
    database.span.groupBy({ by: ["traceId"], where: { ...inBatch, statusCode: 2 } }),
    database.span.findMany({ where: { ...inBatch, keys: { not: "[]" } }, select: { traceId: true, keys: true, startTimeUnixNano: true } }),
  ]);
  const rooted = new Set(roots.map((root) => root.traceId));
  const rootless = totals.filter((total) => !rooted.has(total.traceId));
  const earliest =
    rootless.length === 0
      ? []
      : await database.span.findMany({
          where: { OR: rootless.map((total) => ({ ...ofTrace(total.traceId, inBatch.bucket.in), startTimeUnixNano: total._min.startTimeUnixNano ?? 0n })) },
          select: { traceId: true, serviceName: true, name: true, startTimeUnixNano: true, parentSpanId: true },
        });
  return {
    totals: totals.map((total) => ({
      traceId: total.traceId,
      spanCount: total._count._all,
      startNano: total._min.startTimeUnixNano ?? 0n,
      endNano: total._max.endTimeUnixNano ?? 0n,
    })),
    roots: [...roots, ...earliest].map((row) => ({ traceId: row.traceId, serviceName: row.serviceName, name: row.name, startNano: row.startTimeUnixNano, parentSpanId: row.parentSpanId })),
    services: services.map((row) => ({ traceId: row.traceId, serviceName: row.serviceName })),
    errorTraceIds: errors.map((row) => row.traceId),
    keys: keys.flatMap((row) => parseBusinessKeys(row.keys).map(({ key, value }) => ({ traceId: row.traceId, key, value, startNano: row.startTimeUnixNano }))),
  };
}

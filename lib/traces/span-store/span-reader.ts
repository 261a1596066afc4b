import Sqlite from "better-sqlite3";
import pg from "pg";
import { databaseConfig, type DatabaseConfig } from "../../env";
import type { Span } from "../../generated/prisma-sqlite/client";
import type { FlowLink } from "../flow/flow-types";
import { linksOfSpans, traceKey } from "./span-keys";

/** A Span row as read: the table's columns but its integer keys, 64-bit nanoseconds as decimal strings. */
type StoredSpan = Omit<Span, "traceKey" | "spanKey" | "startTimeUnixNano" | "endTimeUnixNano" | "durationNano"> & {
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  durationNano: string;
};

/** A span as the order flow reads it. */
export type FlowSpanRow = Pick<
  Span,
  "traceId" | "spanId" | "parentSpanId" | "serviceName" | "name" | "statusCode" | "statusMessage" | "attributes" | "messagingRole" | "messagingSystem" | "destination" | "eventType" | "messageId" | "consumerGroup"
> & { startTimeUnixNano: bigint; endTimeUnixNano: bigint };

/**
 * Reads traces through the driver, not Prisma: opening a trace and stitching an order flow are
 * the store's hottest reads, and Prisma's per-query work (1–2 ms a query here, against 0.1–0.4 ms
 * for the SQL itself) would be most of their time. Ids are normalised (32 and 16 lower-case hex
 * characters) by the caller.
 */
export interface SpanReader {
  /** The trace's spans, oldest first. */
  traceSpans(traceId: string): Promise<StoredSpan[]>;
  /** Links from the trace's spans ("out") and links to them from any trace ("in"). */
  traceLinks(traceId: string): Promise<TraceLink[]>;
  /** Distinct traces with a span carrying the business key, at most `limit`. */
  tracesWithKey(key: string, value: string, limit: number): Promise<string[]>;
  /** The traces linked from or to the given traces' spans, and the message ids of their messaging spans. */
  traceNeighbours(traceIds: readonly string[]): Promise<{ linkedTraceIds: string[]; messageIds: string[] }>;
  /** Distinct traces, other than `excluded`, with a span carrying one of the message ids, at most `limit`. */
  tracesWithMessageIds(messageIds: readonly string[], excluded: readonly string[], limit: number): Promise<string[]>;
  /** The spans of the given traces. */
  flowSpans(traceIds: readonly string[]): Promise<FlowSpanRow[]>;
  /** The links from the given traces' spans. */
  flowLinks(traceIds: readonly string[]): Promise<FlowLink[]>;
  close(): Promise<void>;
}

/** A link of a trace, with the service and name of the span at its other end where that is stored. */
interface TraceLink extends FlowLink {
  direction: "out" | "in";
  otherServiceName: string | null;
  otherName: string | null;
}

const spanSelect = `SELECT "traceId", "spanId", "parentSpanId", "serviceName", "name", "kind", "startTimeUnixNano", "endTimeUnixNano", "durationNano",
  "statusCode", "statusMessage", "attributes", "resource", "events", "messagingRole", "messagingSystem", "destination", "eventType", "messageId", "consumerGroup", "keys"
  FROM "Span" WHERE "traceKey" = $1 AND "traceId" = $2 ORDER BY "startTimeUnixNano"`;
const linkSelect = `SELECT 'out' AS "direction", l."traceId", l."spanId", l."linkedTraceId", l."linkedSpanId", o."serviceName" AS "otherServiceName", o."name" AS "otherName"
    FROM "Span" s ${linksOfSpans("s", "l")}
    LEFT JOIN "Span" o ON o."traceKey" = l."linkedTraceKey" AND o."spanKey" = l."linkedSpanKey" AND o."traceId" = l."linkedTraceId"
    WHERE s."traceKey" = $1 AND s."traceId" = $2
  UNION ALL
  SELECT 'in', l."traceId", l."spanId", l."linkedTraceId", l."linkedSpanId", o."serviceName", o."name"
    FROM "SpanLink" l LEFT JOIN "Span" o ON o."traceKey" = l."traceKey" AND o."spanKey" = l."spanKey" AND o."traceId" = l."traceId"
    WHERE l."linkedTraceKey" = $1 AND l."linkedTraceId" = $2`;

/**
 * A condition that a column is in a list given as one parameter: `= ANY($n::type[])` on
 * PostgreSQL; on SQLite, `IN` the elements of a JSON array.
 */
type InList = (parameter: number, type: "bigint" | "text") => string;

/** The order flow's queries, the same text on both databases but for how a list is passed. */
function flowQueries(inList: InList) {
  // The rows of the listed traces, by their trace key and id columns.
  const ofTraces = (keyColumn: string, idColumn: string) => `${keyColumn} ${inList(1, "bigint")} AND ${idColumn} ${inList(2, "text")}`;
  const spansOfTraces = ofTraces(`s."traceKey"`, `s."traceId"`);
  return {
    tracesWithKey: `SELECT DISTINCT "traceId" FROM "SpanKey" WHERE "key" = $1 AND "value" = $2 LIMIT $3`,
    traceNeighbours: `SELECT 'trace' AS "kind", l."linkedTraceId" AS "value" FROM "Span" s ${linksOfSpans("s", "l")} WHERE ${spansOfTraces}
      UNION ALL SELECT 'trace', "traceId" FROM "SpanLink" WHERE ${ofTraces(`"linkedTraceKey"`, `"linkedTraceId"`)}
      UNION ALL SELECT 'message', "messageId" FROM "Span" s WHERE ${spansOfTraces} AND "messageId" IS NOT NULL`,
    tracesWithMessageIds: `SELECT DISTINCT "traceId" FROM "Span" WHERE "messageId" ${inList(1, "text")} AND NOT ("traceId" ${inList(2, "text")}) LIMIT $3`,
    flowSpans: `SELECT "traceId", "spanId", "parentSpanId", "serviceName", "name", "startTimeUnixNano", "endTimeUnixNano", "statusCode", "statusMessage",
      "attributes", "messagingRole", "messagingSystem", "destination", "eventType", "messageId", "consumerGroup" FROM "Span" s WHERE ${spansOfTraces}`,
    flowLinks: `SELECT l."traceId", l."spanId", l."linkedTraceId", l."linkedSpanId" FROM "Span" s ${linksOfSpans("s", "l")} WHERE ${spansOfTraces}`,
  };
}

function neighbours(rows: { kind: string; value: string }[]): { linkedTraceIds: string[]; messageIds: string[] } {
  const linkedTraceIds = new Set<string>();
  const messageIds = new Set<string>();
  for (const row of rows) (row.kind === "trace" ? linkedTraceIds : messageIds).add(row.value);
  return { linkedTraceIds: [...linkedTraceIds], messageIds: [...messageIds] };
}

/** Integers come back as bigint (SQLite) or text (PostgreSQL's int8). */
function toFlowSpanRow(row: Record<string, unknown>): FlowSpanRow {
  return {
    ...(row as unknown as FlowSpanRow),
    statusCode: Number(row.statusCode),
    startTimeUnixNano: BigInt(row.startTimeUnixNano as bigint | string),
    endTimeUnixNano: BigInt(row.endTimeUnixNano as bigint | string),
  };
}

const uniqueTraceIds = (traceIds: readonly string[]) => [...new Set(traceIds)];
const traceIdsOf = (rows: Record<string, unknown>[]) => rows.map((row) => row.traceId as string);

/** Integers come back as bigint (SQLite) or text (PostgreSQL's int8); the API carries nanoseconds as decimal strings. */
function toStoredSpan(row: Record<string, unknown>): StoredSpan {
  return {
    ...(row as unknown as StoredSpan),
    kind: Number(row.kind),
    statusCode: Number(row.statusCode),
    startTimeUnixNano: String(row.startTimeUnixNano),
    endTimeUnixNano: String(row.endTimeUnixNano),
    durationNano: String(row.durationNano),
  };
}

function createSqliteSpanReader(filePath: string): SpanReader {
  const database = new Sqlite(filePath, { fileMustExist: true });
  database.pragma("busy_timeout = 10000");
  // The shared SQL numbers its parameters ($1, $2) as PostgreSQL does; SQLite gets one "?" per use.
  const positional = (sql: string, safeIntegers: boolean) => {
    const uses = [...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]) - 1);
    const statement = database.prepare(sql.replace(/\$\d+/g, "?")).safeIntegers(safeIntegers);
    return (...values: unknown[]) => statement.all(...uses.map((index) => values[index])) as Record<string, unknown>[];
  };
  const spans = positional(spanSelect, true);
  const links = positional(linkSelect, false);
  const flow = flowQueries((parameter) => `IN (SELECT "value" FROM json_each($${parameter}))`);
  const [tracesWithKey, traceNeighbours, tracesWithMessageIds, flowSpans, flowLinks] = [
    positional(flow.tracesWithKey, false),
    positional(flow.traceNeighbours, false),
    positional(flow.tracesWithMessageIds, false),
    positional(flow.flowSpans, true),
    positional(flow.flowLinks, false),
  ];
  // The trace keys as a JSON array of integers (SQLite reads them back as 64-bit integers), and the ids.
  const ofTraces = (traceIds: readonly string[]) => {
    const ids = uniqueTraceIds(traceIds);
    return [`[${ids.map(traceKey).join(",")}]`, JSON.stringify(ids)];
  };
  // Synchronous and well under a millisecond each: indexed lookups on the main thread.
  return {
    traceSpans: async (traceId) => spans(traceKey(traceId), traceId).map(toStoredSpan),
    traceLinks: async (traceId) => links(traceKey(traceId), traceId) as unknown as TraceLink[],
    tracesWithKey: async (key, value, limit) => traceIdsOf(tracesWithKey(key, value, limit)),
    traceNeighbours: async (traceIds) => neighbours(traceNeighbours(...ofTraces(traceIds)) as { kind: string; value: string }[]),
    tracesWithMessageIds: async (messageIds, excluded, limit) => traceIdsOf(tracesWithMessageIds(JSON.stringify(messageIds), JSON.stringify(excluded), limit)),
    flowSpans: async (traceIds) => flowSpans(...ofTraces(traceIds)).map(toFlowSpanRow),
    flowLinks: async (traceIds) => flowLinks(...ofTraces(traceIds)) as unknown as FlowLink[],
    async close() {
      database.close();
    },
  };
}

function createPostgresSpanReader(url: string): SpanReader {
  // Lookups of a few rows never gain from parallel workers or JIT compilation, whose start costs
  // milliseconds (JIT: 25 ms for the order flow's neighbours, whose generic plan guesses thousands
  // of rows for a list of trace keys); and until autovacuum has analysed freshly ingested spans,
  // the planner may think they would.
  const pool = new pg.Pool({ connectionString: url, max: 4, options: "-c max_parallel_workers_per_gather=0 -c jit=off" });
  const query = async <T>(name: string, text: string, values: unknown[]) => (await pool.query({ name, text, values })).rows as T[];
  const flow = flowQueries((parameter, type) => `= ANY($${parameter}::${type}[])`);
  const ofTraces = (traceIds: readonly string[]) => {
    const ids = uniqueTraceIds(traceIds);
    return [ids.map((id) => traceKey(id).toString()), ids];
  };
  return {
    traceSpans: async (traceId) => (await query<Record<string, unknown>>("trace-spans", spanSelect, [traceKey(traceId).toString(), traceId])).map(toStoredSpan),
    traceLinks: (traceId) => query<TraceLink>("trace-links", linkSelect, [traceKey(traceId).toString(), traceId]),
    tracesWithKey: async (key, value, limit) => traceIdsOf(await query("traces-with-key", flow.tracesWithKey, [key, value, limit])),
    traceNeighbours: async (traceIds) => neighbours(await query("trace-neighbours", flow.traceNeighbours, ofTraces(traceIds))),
    tracesWithMessageIds: async (messageIds, excluded, limit) => traceIdsOf(await query("traces-with-message-ids", flow.tracesWithMessageIds, [messageIds, excluded, limit])),
    flowSpans: async (traceIds) => (await query<Record<string, unknown>>("flow-spans", flow.flowSpans, ofTraces(traceIds))).map(toFlowSpanRow),
    flowLinks: (traceIds) => query<FlowLink>("flow-links", flow.flowLinks, ofTraces(traceIds)),
    async close() {
      await pool.end();
    },
  };
}

export function createSpanReader(config: DatabaseConfig): SpanReader {
  switch (config.provider) {
    case "sqlite":
      return createSqliteSpanReader(config.filePath);
    case "postgresql":
      return createPostgresSpanReader(config.url);
    default: {
      const unreachable: never = config;
      throw new Error(`unknown database provider ${JSON.stringify(unreachable)}`);
    }
  }
}

// One per process, like db(), shared by the Next.js bundle and the app server's direct routes.
const holder = globalThis as typeof globalThis & { eventscopeSpanReader?: SpanReader };

export function spanReader(): SpanReader {
  holder.eventscopeSpanReader ??= createSpanReader(databaseConfig());
  return holder.eventscopeSpanReader;
}

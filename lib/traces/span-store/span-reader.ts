import Sqlite from "better-sqlite3";
import { createPostgresPool } from "../../database/postgres-pool";
import { databaseConfig, type DatabaseConfig } from "../../env";
import type { Span } from "../../generated/prisma-sqlite/client";
import type { FlowLink } from "../flow/flow-types";
import { businessKeyText } from "./bucket-bloom";
import { bucketZeroDirectory, createBucketDirectory, type BucketDirectory } from "./bucket-directory";
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
  /** The trace's spans, oldest first; links from them ("out") and links to them from any trace ("in"). */
  trace(traceId: string): Promise<{ spans: StoredSpan[]; links: TraceLink[] }>;
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

type ListType = "int" | "bigint" | "text";

/**
 * What differs between the two databases: how a list is passed as one parameter (`= ANY($n::type[])`
 * on PostgreSQL; on SQLite, `IN` the elements of a JSON array), and how a query runs.
 */
interface Dialect {
  inList(parameter: number, type: ListType): string;
  list(values: readonly (number | bigint | string)[]): unknown;
  /** Rows with integers as bigint (SQLite) or text (PostgreSQL's int8). */
  run(name: string, sql: string, values: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const spanColumnNames = [
  "traceId", "spanId", "parentSpanId", "serviceName", "name", "kind", "startTimeUnixNano", "endTimeUnixNano", "durationNano",
  "statusCode", "statusMessage", "attributes", "resource", "events", "messagingRole", "messagingSystem", "destination", "eventType", "messageId", "consumerGroup", "keys",
] as const;
const spanColumns = spanColumnNames.map((name) => `"${name}"`).join(", ");

/** The reader's queries, the same text on both databases but for how a list is passed. Buckets come first: see Span in prisma/schema.prisma. */
function readerQueries({ inList }: Dialect) {
  // The rows (aliased `alias`) of the listed traces in the listed buckets.
  const ofTraces = (alias: string, keyColumn: string, idColumn: string) =>
    `${alias}."bucket" ${inList(1, "int")} AND ${alias}.${keyColumn} ${inList(2, "bigint")} AND ${alias}.${idColumn} ${inList(3, "text")}`;
  const spansOfTraces = ofTraces("s", `"traceKey"`, `"traceId"`);
  // The rows of one trace in one bucket: $1 bucket, $2 key, $3 id. Parameters that are not lists
  // let PostgreSQL keep one plan for the statement instead of planning it again each time (half
  // a millisecond here: its plan for lists of unknown length looks dearer than a fresh one).
  const ofTrace = (alias: string, keyColumn: string, idColumn: string) => `${alias}."bucket" = $1 AND ${alias}.${keyColumn} = $2 AND ${alias}.${idColumn} = $3`;
  const spansOfTrace = ofTrace("s", `"traceKey"`, `"traceId"`);
  // Links into the traces that `rowsOf` picks, from any trace.
  const linksInto = (rowsOf: typeof ofTraces) => `SELECT 'in' AS "direction", l."traceId", l."spanId", l."linkedTraceId", l."linkedSpanId", l."serviceName" AS "otherServiceName", l."name" AS "otherName"
      FROM "SpanLink" l WHERE ${rowsOf("l", `"linkedTraceKey"`, `"linkedTraceId"`)}`;
  return {
    traceSpans: `SELECT ${spanColumns} FROM "Span" s WHERE ${spansOfTraces} ORDER BY "startTimeUnixNano"`,
    linksIn: linksInto(ofTraces),
    // PostgreSQL only (json_agg), where every span is in one bucket: the span at the other end of a
    // link is looked for in the link's bucket. One statement rather than two halves the round trips
    // and backends a trace view wakes, each a fifth of a millisecond or more here. The spans come
    // as rows; the links as a JSON list in a last row, whose span columns are null.
    traceOfOneBucket: `SELECT ${spanColumns}, NULL::json AS "links" FROM "Span" s WHERE ${spansOfTrace}
      UNION ALL
      SELECT ${spanColumnNames.map(() => "NULL").join(", ")}, (SELECT json_agg(links) FROM (
        SELECT 'out' AS "direction", l."traceId", l."spanId", l."linkedTraceId", l."linkedSpanId", o."serviceName" AS "otherServiceName", o."name" AS "otherName"
        FROM "Span" s ${linksOfSpans("s", "l")}
        LEFT JOIN "Span" o ON o."bucket" = l."bucket" AND o."traceKey" = l."linkedTraceKey" AND o."spanKey" = l."linkedSpanKey" AND o."traceId" = l."linkedTraceId"
        WHERE ${spansOfTrace}
        UNION ALL ${linksInto(ofTrace)}) links)
      ORDER BY "startTimeUnixNano" NULLS LAST`,
    tracesWithKey: `SELECT DISTINCT "traceId" FROM "SpanKey" WHERE "bucket" ${inList(1, "int")} AND "key" = $2 AND "value" = $3 LIMIT $4`,
    // Null ids are dropped by the caller: "IS NOT NULL" here would lead SQLite to scan the message id index instead.
    messageIds: `SELECT DISTINCT "messageId" FROM "Span" s WHERE ${spansOfTraces}`,
    tracesWithMessageIds: `SELECT DISTINCT "traceId" FROM "Span" WHERE "bucket" ${inList(1, "int")} AND "messageId" ${inList(2, "text")} AND NOT ("traceId" ${inList(3, "text")}) LIMIT $4`,
    flowSpans: `SELECT "traceId", "spanId", "parentSpanId", "serviceName", "name", "startTimeUnixNano", "endTimeUnixNano", "statusCode", "statusMessage",
      "attributes", "messagingRole", "messagingSystem", "destination", "eventType", "messageId", "consumerGroup" FROM "Span" s WHERE ${spansOfTraces}`,
    flowLinks: `SELECT l."traceId", l."spanId", l."linkedTraceId", l."linkedSpanId" FROM "Span" s ${linksOfSpans("s", "l")} WHERE ${spansOfTraces}`,
  };
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

const uniqueIds = (ids: readonly string[]) => [...new Set(ids)];
const traceIdsOf = (rows: Record<string, unknown>[]) => rows.map((row) => row.traceId as string);

/** The API carries nanoseconds as decimal strings. */
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

function createReader(dialect: Dialect, directory: BucketDirectory): SpanReader {
  const sql = readerQueries(dialect);
  const { list, run } = dialect;
  // The parameters that pick the rows of the listed traces: the buckets that may hold them, their keys, their ids.
  const ofTraces = async (traceIds: readonly string[], kind: "trace" | "link" = "trace") => {
    const ids = uniqueIds(traceIds);
    const buckets = await directory.candidates(ids.map((traceId) => ({ kind, key: traceId })));
    return [list(buckets), list(ids.map(traceKey)), list(ids)];
  };
  const flowSpans = async (traceIds: readonly string[]) => (traceIds.length === 0 ? [] : (await run("flow-spans", sql.flowSpans, await ofTraces(traceIds))).map(toFlowSpanRow));
  const flowLinks = async (traceIds: readonly string[]) => (await run("flow-links", sql.flowLinks, await ofTraces(traceIds))) as unknown as FlowLink[];
  const linksIn = async (traceIds: readonly string[]) => (await run("links-in", sql.linksIn, await ofTraces(traceIds, "link"))) as unknown as TraceLink[];
  return {
    async trace(traceId) {
      if (directory === bucketZeroDirectory) {
        const rows = await run("trace-of-one-bucket", sql.traceOfOneBucket, [0, traceKey(traceId).toString(), traceId]);
        const links = rows.pop()?.links ?? [];
        return { spans: rows.map(toStoredSpan), links: links as TraceLink[] };
      }
      // The linked spans' buckets are known only from their trace keys: the links come first.
      const [spans, outgoing, incoming] = await Promise.all([ofTraces([traceId]).then((parameters) => run("trace-spans", sql.traceSpans, parameters)), flowLinks([traceId]), linksIn([traceId])]);
      const targets = new Map((await flowSpans(outgoing.map((link) => link.linkedTraceId))).map((span) => [`${span.traceId}/${span.spanId}`, span]));
      const links = [
        ...outgoing.map((link): TraceLink => {
          const target = targets.get(`${link.linkedTraceId}/${link.linkedSpanId}`);
          return { ...link, direction: "out", otherServiceName: target?.serviceName ?? null, otherName: target?.name ?? null };
        }),
        ...incoming,
      ];
      return { spans: spans.map(toStoredSpan), links };
    },
    async tracesWithKey(key, value, limit) {
      const buckets = await directory.candidates([{ kind: "key", key: businessKeyText(key, value) }]);
      return traceIdsOf(await run("traces-with-key", sql.tracesWithKey, [list(buckets), key, value, limit]));
    },
    async traceNeighbours(traceIds) {
      const [outgoing, incoming, messages] = await Promise.all([flowLinks(traceIds), linksIn(traceIds), ofTraces(traceIds).then((parameters) => run("message-ids", sql.messageIds, parameters))]);
      return {
        linkedTraceIds: uniqueIds([...outgoing.map((link) => link.linkedTraceId), ...incoming.map((link) => link.traceId)]),
        messageIds: messages.flatMap((row) => (typeof row.messageId === "string" ? [row.messageId] : [])),
      };
    },
    async tracesWithMessageIds(messageIds, excluded, limit) {
      const buckets = await directory.candidates(messageIds.map((messageId) => ({ kind: "message", key: messageId })));
      return traceIdsOf(await run("traces-with-message-ids", sql.tracesWithMessageIds, [list(buckets), list(messageIds), list(excluded), limit]));
    },
    flowSpans,
    flowLinks,
    close: () => dialect.close(),
  };
}

/** SpanBucket's filters, for the reads of the SQLite store, whose writer fills a bucket after another. */
function sqliteBucketDirectory({ inList, list, run }: Dialect): BucketDirectory {
  return createBucketDirectory({
    newest: async () => {
      const [row] = await run("newest-span-bucket", `SELECT MAX("bucket") AS "bucket" FROM "SpanBucket"`, []);
      return row?.bucket === null || row?.bucket === undefined ? null : Number(row.bucket);
    },
    buckets: async () =>
      (await run("span-buckets", `SELECT "bucket", CASE WHEN "bloom" IS NULL THEN 0 ELSE 1 END AS "closed" FROM "SpanBucket"`, [])).map((row) => ({
        bucket: Number(row.bucket),
        closed: Number(row.closed) === 1,
      })),
    blooms: async (buckets) =>
      (await run("span-bucket-blooms", `SELECT "bucket", "bloom" FROM "SpanBucket" WHERE "bucket" ${inList(1, "int")} AND "bloom" IS NOT NULL`, [list(buckets)])).map((row) => ({
        bucket: Number(row.bucket),
        bloom: row.bloom as Uint8Array,
      })),
  });
}

function sqliteDialect(filePath: string): Dialect {
  const database = new Sqlite(filePath, { fileMustExist: true });
  database.pragma("busy_timeout = 10000");
  const statements = new Map<string, (values: unknown[]) => Record<string, unknown>[]>();
  // The shared SQL numbers its parameters ($1, $2) as PostgreSQL does; SQLite gets one "?" per use.
  const prepare = (sql: string) => {
    const uses = [...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]) - 1);
    const statement = database.prepare(sql.replace(/\$\d+/g, "?")).safeIntegers(true);
    return (values: unknown[]) => statement.all(...uses.map((index) => values[index])) as Record<string, unknown>[];
  };
  return {
    inList: (parameter) => `IN (SELECT "value" FROM json_each($${parameter}))`,
    // Integers as JSON numbers: SQLite reads them back as 64-bit integers.
    list: (values) => `[${values.map((value) => (typeof value === "string" ? JSON.stringify(value) : String(value))).join(",")}]`,
    // Synchronous and well under a millisecond each: indexed lookups on the main thread.
    async run(_name, sql, values) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = prepare(sql);
        statements.set(sql, statement);
      }
      return statement(values);
    },
    async close() {
      database.close();
    },
  };
}

function postgresDialect(url: string): Dialect {
  // Lookups of a few rows never gain from parallel workers or JIT compilation, whose start costs
  // milliseconds (JIT: 25 ms for the order flow's neighbours, whose generic plan guesses thousands
  // of rows for a list of trace keys); and until autovacuum has analysed freshly ingested spans,
  // the planner may think they would.
  const pool = createPostgresPool({ connectionString: url, max: 4, options: "-c max_parallel_workers_per_gather=0 -c jit=off" }, "span reader");
  return {
    inList: (parameter, type) => `= ANY($${parameter}::${type}[])`,
    list: (values) => values.map((value) => (typeof value === "bigint" ? value.toString() : value)),
    run: async (name, text, values) => (await pool.query({ name, text, values })).rows as Record<string, unknown>[],
    async close() {
      await pool.end();
    },
  };
}

export function createSpanReader(config: DatabaseConfig): SpanReader {
  switch (config.provider) {
    case "sqlite": {
      const dialect = sqliteDialect(config.filePath);
      return createReader(dialect, sqliteBucketDirectory(dialect));
    }
    case "postgresql":
      return createReader(postgresDialect(config.url), bucketZeroDirectory);
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

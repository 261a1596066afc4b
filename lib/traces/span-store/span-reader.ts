import Sqlite from "better-sqlite3";
import pg from "pg";
import { databaseConfig, type DatabaseConfig } from "../../env";
import type { Span } from "../../generated/prisma-sqlite/client";
import type { FlowLink } from "../flow/flow-types";
import { traceKey } from "./span-keys";

/** A Span row as read: the table's columns but its integer keys, 64-bit nanoseconds as decimal strings. */
type StoredSpan = Omit<Span, "traceKey" | "spanKey" | "startTimeUnixNano" | "endTimeUnixNano" | "durationNano"> & {
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  durationNano: string;
};

/**
 * Reads one trace through the driver, not Prisma: opening a trace is the store's hottest read,
 * and Prisma's per-query work (0.25–0.9 ms here) would be most of its time. Ids are normalised
 * (32 and 16 lower-case hex characters) by the caller.
 */
export interface SpanReader {
  /** The trace's spans, oldest first. */
  traceSpans(traceId: string): Promise<StoredSpan[]>;
  /** Links from the trace's spans ("out") and links to them from any trace ("in"). */
  traceLinks(traceId: string): Promise<TraceLink[]>;
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
    FROM "SpanLink" l LEFT JOIN "Span" o ON o."traceKey" = l."linkedTraceKey" AND o."spanKey" = l."linkedSpanKey" AND o."traceId" = l."linkedTraceId"
    WHERE l."traceKey" = $1 AND l."traceId" = $2
  UNION ALL
  SELECT 'in', l."traceId", l."spanId", l."linkedTraceId", l."linkedSpanId", o."serviceName", o."name"
    FROM "SpanLink" l LEFT JOIN "Span" o ON o."traceKey" = l."traceKey" AND o."spanKey" = l."spanKey" AND o."traceId" = l."traceId"
    WHERE l."linkedTraceKey" = $1 AND l."linkedTraceId" = $2`;

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
  // Synchronous and well under a millisecond each: indexed lookups on the main thread.
  return {
    traceSpans: async (traceId) => spans(traceKey(traceId), traceId).map(toStoredSpan),
    traceLinks: async (traceId) => links(traceKey(traceId), traceId) as unknown as TraceLink[],
    async close() {
      database.close();
    },
  };
}

function createPostgresSpanReader(url: string): SpanReader {
  // Lookups of a few rows never gain from parallel workers, whose start costs milliseconds; and
  // until autovacuum has analysed freshly ingested spans, the planner may think they would.
  const pool = new pg.Pool({ connectionString: url, max: 4, options: "-c max_parallel_workers_per_gather=0" });
  const query = async <T>(name: string, text: string, values: unknown[]) => (await pool.query({ name, text, values })).rows as T[];
  return {
    traceSpans: async (traceId) => (await query<Record<string, unknown>>("trace-spans", spanSelect, [traceKey(traceId).toString(), traceId])).map(toStoredSpan),
    traceLinks: (traceId) => query<TraceLink>("trace-links", linkSelect, [traceKey(traceId).toString(), traceId]),
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

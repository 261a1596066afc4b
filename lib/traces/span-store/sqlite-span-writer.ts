import Sqlite from "better-sqlite3";
import { spanColumns, spanRow, type SpanRecord, type SpanWriter } from "./span-record";

/**
 * The embedded store's write path: prepared statements on a connection of its own (Prisma's
 * createMany is an order of magnitude slower), in WAL mode so readers are never blocked.
 */
export function createSqliteSpanWriter(filePath: string): SpanWriter {
  const database = new Sqlite(filePath);
  database.pragma("journal_mode = WAL");
  // NORMAL in WAL mode keeps every commit across a process kill; only a power cut can lose the last ones.
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 10000");
  const insertSpan = database.prepare(
    `INSERT OR IGNORE INTO "Span" (${spanColumns.map((column) => `"${column}"`).join(", ")}) VALUES (${spanColumns.map(() => "?").join(", ")})`,
  );
  const insertLink = database.prepare(
    `INSERT OR IGNORE INTO "SpanLink" ("traceId", "spanId", "linkedTraceId", "linkedSpanId", "attributes") VALUES (?, ?, ?, ?, ?)`,
  );
  const insertKey = database.prepare(`INSERT OR IGNORE INTO "SpanKey" ("key", "value", "traceId", "spanId", "startTimeUnixNano") VALUES (?, ?, ?, ?, ?)`);
  const writeBatch = database.transaction((records: SpanRecord[]) => {
    for (const span of records) {
      insertSpan.run(...spanRow(span));
      for (const link of span.links) insertLink.run(span.traceId, span.spanId, link.traceId, link.spanId, link.attributes);
      for (const key of span.keys) insertKey.run(key.key, key.value, span.traceId, span.spanId, span.startTimeUnixNano);
    }
  });
  return {
    async write(records) {
      writeBatch.immediate(records);
    },
    async close() {
      database.close();
    },
  };
}

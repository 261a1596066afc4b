import Sqlite from "better-sqlite3";
import { keyColumns, keyRows, linkColumns, linkRows, spanColumns, spanRow, type SpanRecord, type SpanWriter } from "./span-record";
import { startWalCheckpointer } from "./wal-checkpointer";

function insertOrIgnore(table: string, columns: readonly string[]): string {
  return `INSERT OR IGNORE INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
}

/**
 * The embedded store's write path: prepared statements on a connection of its own (Prisma's
 * createMany is an order of magnitude slower), in WAL mode so readers are never blocked. The
 * WAL is checkpointed by a worker thread of its own rather than inside commits, which would
 * otherwise stall a batch for the fsync of every checkpoint.
 */
export function createSqliteSpanWriter(filePath: string): SpanWriter {
  const database = new Sqlite(filePath);
  database.pragma("journal_mode = WAL");
  // NORMAL in WAL mode keeps every commit across a process kill; only a power cut can lose the last ones.
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 10000");
  database.pragma("wal_autocheckpoint = 0");
  // The trace-id indexes take inserts at random places: keeping their pages cached saves a read for most.
  database.pragma("cache_size = -131072");
  const checkpointer = startWalCheckpointer(filePath);
  const insertSpan = database.prepare(insertOrIgnore("Span", spanColumns));
  const insertLink = database.prepare(insertOrIgnore("SpanLink", linkColumns));
  const insertKey = database.prepare(insertOrIgnore("SpanKey", keyColumns));
  const writeBatch = database.transaction((records: SpanRecord[]) => {
    for (const span of records) {
      // A span already stored (an exporter's retry) brings no new links or keys.
      if (insertSpan.run(...spanRow(span)).changes === 0) continue;
      for (const row of linkRows(span)) insertLink.run(...row);
      for (const row of keyRows(span)) insertKey.run(...row);
    }
  });
  return {
    async write(records) {
      writeBatch.immediate(records);
    },
    async close() {
      await checkpointer.stop();
      database.close();
    },
  };
}

import { Worker } from "node:worker_threads";
import { keyColumns, linkColumns, spanColumns, spanRows, usageColumns, type SpanWriter } from "./span-record";

function insertOrIgnore(table: string, columns: readonly string[]): string {
  return `INSERT OR IGNORE INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
}

const quotedUsageColumns = usageColumns.map((column) => `"${column}"`).join(", ");
const statements = {
  span: insertOrIgnore("Span", spanColumns),
  link: insertOrIgnore("SpanLink", linkColumns),
  key: insertOrIgnore("SpanKey", keyColumns),
  usage: `INSERT INTO "MessagingUsage" (${quotedUsageColumns}, "messages", "lastSeenNano") VALUES (${usageColumns.map(() => "?").join(", ")}, ?, ?)
    ON CONFLICT (${quotedUsageColumns}) DO UPDATE SET "messages" = "messages" + excluded."messages", "lastSeenNano" = MAX("lastSeenNano", excluded."lastSeenNano")`,
};

const pragmas = [
  "journal_mode = WAL",
  // NORMAL in WAL mode keeps every commit across a process kill; only a power cut can lose the last ones.
  "synchronous = NORMAL",
  "busy_timeout = 10000",
  // Checkpoint seldom (every 80 MiB of log): a page that many batches wrote is copied back once,
  // and the checkpoint's fsyncs are paid once for all of them. It runs in this thread, after a
  // commit, so only queued batches wait for it.
  "wal_autocheckpoint = 20000",
  // A log that grew while long reads kept it from starting over is cut back once it can.
  "journal_size_limit = 134217728",
  // The trace-id indexes take inserts at random places: keeping their pages cached saves a read for most.
  "cache_size = -131072",
];

// The thread's source, run as a script so that it works alike under tsx, vitest and Next.js's
// server bundle (which cannot point a Worker at a TypeScript file). Rows arrive ready to bind.
const threadSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Sqlite = require("better-sqlite3");
const database = new Sqlite(workerData.filePath);
for (const pragma of workerData.pragmas) database.pragma(pragma);
const insertSpan = database.prepare(workerData.statements.span);
const insertLink = database.prepare(workerData.statements.link);
const insertKey = database.prepare(workerData.statements.key);
const upsertUsage = database.prepare(workerData.statements.usage);
const writeBatch = database.transaction((spans) => {
  // The batch's messages, counted per MessagingUsage key: [...key, messages, lastSeenNano].
  const usage = new Map();
  for (const { span, links, keys, usage: counted } of spans) {
    // A span already stored (an exporter's retry) brings no new links or keys, and counts once.
    if (insertSpan.run(...span).changes === 0) continue;
    for (const row of links) insertLink.run(...row);
    for (const row of keys) insertKey.run(...row);
    if (counted === null) continue;
    const id = counted.key.join("\\u0000");
    const row = usage.get(id);
    if (row === undefined) usage.set(id, [...counted.key, 1, counted.startTimeUnixNano]);
    else {
      row[row.length - 2] += 1;
      if (counted.startTimeUnixNano > row[row.length - 1]) row[row.length - 1] = counted.startTimeUnixNano;
    }
  }
  for (const row of usage.values()) upsertUsage.run(...row);
});
parentPort.on("message", (message) => {
  if (message.close) {
    database.close();
    parentPort.close();
    return;
  }
  try {
    writeBatch.immediate(message.spans);
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
});
`;

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The embedded store's write path: prepared statements (Prisma's createMany is an order of
 * magnitude slower) on a connection of its own in a thread of its own, so that HTTP, gunzip and
 * protobuf decoding go on on the main thread while a batch is inserted. WAL mode keeps readers
 * unblocked. `write` resolves once the batch is committed.
 */
export function createSqliteSpanWriter(filePath: string): SpanWriter {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let thread: Worker | null = null;

  function failAll(error: Error): void {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  }

  // Started on first use, and again after the thread died (its batches failed and are retried by clients).
  function writerThread(): Worker {
    if (thread) return thread;
    const started = new Worker(threadSource, { eval: true, workerData: { filePath, pragmas, statements } });
    started.unref();
    started.on("message", (message: { id: number; error?: string }) => {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (pending.size === 0) started.unref();
      if (message.error === undefined) entry?.resolve();
      else entry?.reject(new Error(message.error));
    });
    started.on("error", (error) => failAll(new Error(`the span writer thread failed: ${error.message}`)));
    started.on("exit", () => {
      if (thread === started) thread = null;
      failAll(new Error("the span writer thread stopped"));
    });
    thread = started;
    return started;
  }

  return {
    write(records) {
      const spans = records.map(spanRows);
      const target = writerThread();
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Referenced while a batch is in flight, so that a process awaiting it does not exit first.
        target.ref();
        target.postMessage({ id, spans });
      });
    },
    async close() {
      const closing = thread;
      thread = null;
      if (closing) {
        const exited = new Promise<void>((resolve) => closing.once("exit", () => resolve()));
        closing.ref();
        closing.postMessage({ close: true });
        await exited;
      }
    },
  };
}

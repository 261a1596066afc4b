import { Worker } from "node:worker_threads";
import { bloomBit, bloomBits, bloomProbes, buildBloom, spanBloomHashes } from "./bucket-bloom";
import { spanKey, traceKey } from "./span-keys";
import { keyColumns, linkColumns, spanColumns, spanRow, usageColumns, type SpanRecord, type SpanWriter, type Value } from "./span-record";

function insertOrIgnore(table: string, columns: readonly string[]): string {
  return `INSERT OR IGNORE INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
}

/** The SpanLink and SpanKey columns that a link or a key brings; the others repeat its span's, and are taken from its Span row. */
const linkOwnColumns = ["linkedTraceKey", "linkedSpanKey", "linkedTraceId", "linkedSpanId", "attributes"] as const;
const keyOwnColumns = ["key", "value"] as const;
const fromSpanRow = (columns: readonly string[], own: readonly string[]) => columns.filter((column) => !own.includes(column));
const linkSpanColumns = fromSpanRow(linkColumns, linkOwnColumns);
const keySpanColumns = fromSpanRow(keyColumns, keyOwnColumns);

const quotedUsageColumns = usageColumns.map((column) => `"${column}"`).join(", ");
const statements = {
  span: insertOrIgnore("Span", ["bucket", ...spanColumns]),
  link: insertOrIgnore("SpanLink", ["bucket", ...linkSpanColumns, ...linkOwnColumns]),
  key: insertOrIgnore("SpanKey", ["bucket", ...keySpanColumns, ...keyOwnColumns]),
  newestBucket: `SELECT MAX("bucket") AS "bucket" FROM "SpanBucket"`,
  addBucket: `INSERT OR IGNORE INTO "SpanBucket" ("bucket") VALUES (?)`,
  closeBucket: `UPDATE "SpanBucket" SET "bloom" = ? WHERE "bucket" = ?`,
  // A span by its start time and keys, whichever bucket holds it (see Span's time index in prisma/schema.prisma).
  stored: `SELECT 1 FROM "Span" INDEXED BY "Span_startTimeUnixNano_traceKey_spanKey_statusCode_idx" WHERE "startTimeUnixNano" = ? AND "traceKey" = ? AND "spanKey" = ?`,
  usage: `INSERT INTO "MessagingUsage" (${quotedUsageColumns}, "messages", "lastSeenNano") VALUES (${usageColumns.map(() => "?").join(", ")}, ?, ?)
    ON CONFLICT (${quotedUsageColumns}) DO UPDATE SET "messages" = "messages" + excluded."messages", "lastSeenNano" = MAX("lastSeenNano", excluded."lastSeenNano")`,
};

const pragmas = [
  "journal_mode = WAL",
  // NORMAL in WAL mode keeps every commit across a process kill; only a power cut can lose the last ones.
  "synchronous = NORMAL",
  "busy_timeout = 10000",
  // The checkpoint thread (checkpointSource) copies the log into the database while this thread
  // writes, so the log rarely grows to 8 MiB; when it does (that thread fell behind or died), this
  // thread checkpoints after its commit, as SQLite does by default.
  "wal_autocheckpoint = 2000",
  // A log that grew while long reads kept it from starting over is cut back once it can.
  "journal_size_limit = 134217728",
  // The trace-id indexes take inserts at random places: keeping their pages cached saves a read for most.
  "cache_size = -131072",
];

/**
 * Spans per bucket (see Span in prisma/schema.prisma). A commit adds its random-key entries to the
 * newest bucket's region of each such index: 8,192 spans a bucket made a 512-span commit dirty
 * some 30 pages an index, 2,048 about 8, and the writer thread takes a quarter less time a span.
 * Smaller buckets gain little more, and make more buckets for reads to choose from.
 */
const bucketSpans = 2048;

/**
 * A batch as the writer thread takes it: one flat list of values, and the spans' filter hashes.
 * Per span: its Span row, then the number of its links and each link's own columns, the number of
 * its business keys and each key's own columns, and the number of its filter hashes. Structured
 * cloning copies such a list about three times faster than a list of rows per span; unpacking the
 * rows had taken the thread a tenth of its time.
 */
interface FlatBatch {
  values: Value[];
  hashes: Uint32Array;
}

function flatBatch(records: readonly SpanRecord[]): FlatBatch {
  const values: Value[] = [];
  const hashes: number[] = [];
  for (const record of records) {
    values.push(...spanRow(record, traceKey(record.traceId), spanKey(record.spanId)), record.links.length);
    for (const link of record.links) values.push(traceKey(link.traceId), spanKey(link.spanId), link.traceId, link.spanId, link.attributes);
    values.push(record.keys.length);
    for (const key of record.keys) values.push(key.key, key.value);
    const spanHashes = spanBloomHashes(record);
    values.push(spanHashes.length);
    hashes.push(...spanHashes);
  }
  return { values, hashes: Uint32Array.from(hashes) };
}

/** Where a column is in a Span row. */
const spanColumnAt = (column: string) => spanColumns.indexOf(column as (typeof spanColumns)[number]);

/**
 * The checkpoint thread's source: a connection of its own that copies committed log pages into
 * the database file after the writer thread's commits, at most every `pauseMs`. Run by SQLite
 * after a commit in the writer thread, each checkpoint made the batches queued meanwhile wait for
 * its copying and fsyncs, a sixth of that thread's time (bench: 39.4k spans/s, p99 88 ms; with
 * this thread 43.9k, p99 80 ms). The pause lets pages rewritten by consecutive commits be copied
 * once: checkpoints after every commit wrote a quarter more. `signal`: [commits, closing].
 */
const checkpointSource = `
const { workerData } = require("node:worker_threads");
const Sqlite = require("better-sqlite3");
const database = new Sqlite(workerData.filePath);
database.pragma("synchronous = NORMAL");
database.pragma("busy_timeout = 10000");
const signal = new Int32Array(workerData.signal);
let seen = 0;
while (Atomics.load(signal, 1) === 0) {
  Atomics.wait(signal, 0, seen);
  seen = Atomics.load(signal, 0);
  try {
    database.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    console.error("[eventscope] span store checkpoint failed:", error.message);
  }
  Atomics.wait(signal, 1, 0, workerData.pauseMs);
}
database.close();
`;

// The writer thread's source, run as a script so that it works alike under tsx, vitest and
// Next.js's server bundle (which cannot point a Worker at a TypeScript file).
const threadSource = `
const { parentPort, workerData, Worker } = require("node:worker_threads");
const Sqlite = require("better-sqlite3");
const database = new Sqlite(workerData.filePath);
for (const pragma of workerData.pragmas) database.pragma(pragma);
const checkpointSignal = new Int32Array(new SharedArrayBuffer(8));
const checkpointer = new Worker(workerData.checkpointSource, { eval: true, workerData: { filePath: workerData.filePath, signal: checkpointSignal.buffer, pauseMs: workerData.checkpointPauseMs } });
let checkpointerRunning = true;
checkpointer.on("error", (error) => console.error("[eventscope] the span store's checkpoint thread failed:", error.message));
checkpointer.on("exit", () => (checkpointerRunning = false));
const signalCheckpointer = () => {
  Atomics.add(checkpointSignal, 0, 1);
  Atomics.notify(checkpointSignal, 0);
};
const insertSpan = database.prepare(workerData.statements.span);
const insertLink = database.prepare(workerData.statements.link);
const insertKey = database.prepare(workerData.statements.key);
const upsertUsage = database.prepare(workerData.statements.usage);
const addBucket = database.prepare(workerData.statements.addBucket);
const closeBucket = database.prepare(workerData.statements.closeBucket);
const stored = database.prepare(workerData.statements.stored).pluck();
const { spanWidth, linkWidth, keyWidth, linkSpanAt, keySpanAt, at } = workerData;
const nanosPerHour = 3600000000000n;
${bloomBit.toString()}
const buildBloom = ${buildBloom.toString()};
// A thread starts a bucket of its own, after every bucket stored. A bucket it leaves unfinished
// (the process stopped) keeps no bloom filter, so reads probe it always.
let bucket = (database.prepare(workerData.statements.newestBucket).get().bucket ?? -1) + 1;
let bucketHashes = [];
let spansInBucket = 0;
const writeBatch = database.transaction(({ values, hashes }) => {
  // Listed by every batch, in case retention removed it while it held only old spans.
  addBucket.run(bucket);
  // The batch's messages, counted per MessagingUsage key (usageColumns): [...key, messages, lastSeenNano].
  const usage = new Map();
  let next = 0;
  let nextHash = 0;
  const take = (width) => values.slice(next, (next += width));
  const takeRows = (width) => {
    const rows = [];
    for (let count = values[next++]; count > 0; count--) rows.push(take(width));
    return rows;
  };
  while (next < values.length) {
    const span = take(spanWidth);
    const links = takeRows(linkWidth);
    const keys = takeRows(keyWidth);
    const hashesAt = nextHash;
    nextHash += values[next++];
    const start = span[at.start];
    // A span already stored (an exporter's retry) brings no new links or keys, and counts once.
    if (stored.get(start, span[at.traceKey], span[at.spanKey]) !== undefined || insertSpan.run(bucket, span).changes === 0) continue;
    if (links.length > 0) {
      const linkSpan = linkSpanAt.map((index) => span[index]);
      for (const link of links) insertLink.run(bucket, linkSpan, link);
    }
    if (keys.length > 0) {
      const keySpan = keySpanAt.map((index) => span[index]);
      for (const key of keys) insertKey.run(bucket, keySpan, key);
    }
    for (let index = hashesAt; index < nextHash; index++) bucketHashes.push(hashes[index]);
    if (++spansInBucket === workerData.bucketSpans) {
      const bloom = buildBloom(bucketHashes, workerData.bloomBits, workerData.bloomProbes);
      closeBucket.run(Buffer.from(bloom.buffer, bloom.byteOffset, bloom.byteLength), bucket);
      bucket += 1;
      addBucket.run(bucket);
      bucketHashes = [];
      spansInBucket = 0;
    }
    const eventType = span[at.eventType];
    if (eventType === null) continue;
    const key = [eventType, span[at.serviceName], span[at.role], span[at.destination] ?? "", (start / nanosPerHour) * 3600000n];
    const id = key.join("\\u0000");
    const row = usage.get(id);
    if (row === undefined) usage.set(id, [...key, 1, start]);
    else {
      row[row.length - 2] += 1;
      if (start > row[row.length - 1]) row[row.length - 1] = start;
    }
  }
  for (const row of usage.values()) upsertUsage.run(row);
});
parentPort.on("message", (message) => {
  if (message.close) {
    // Closed last, so that SQLite checkpoints the rest of the log and removes it.
    const close = () => {
      database.close();
      parentPort.close();
    };
    if (!checkpointerRunning) return close();
    checkpointer.once("exit", close);
    Atomics.store(checkpointSignal, 1, 1);
    Atomics.notify(checkpointSignal, 1);
    signalCheckpointer();
    return;
  }
  // Where the bucket stood, to return to when the batch rolls back.
  const before = { bucket, bucketHashes, hashCount: bucketHashes.length, spansInBucket };
  try {
    writeBatch.immediate(message.batch);
    signalCheckpointer();
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    ({ bucket, bucketHashes, spansInBucket } = before);
    bucketHashes.length = before.hashCount;
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
 * protobuf decoding go on on the main thread while a batch is inserted, and a checkpoint thread
 * of its own copies the log into the database meanwhile. WAL mode keeps readers unblocked.
 * `write` resolves once the batch is committed.
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
    const started = new Worker(threadSource, {
      eval: true,
      workerData: {
        filePath,
        pragmas,
        checkpointSource,
        checkpointPauseMs: 50,
        statements,
        bucketSpans,
        bloomBits,
        bloomProbes,
        spanWidth: spanColumns.length,
        linkWidth: linkOwnColumns.length,
        keyWidth: keyOwnColumns.length,
        linkSpanAt: linkSpanColumns.map(spanColumnAt),
        keySpanAt: keySpanColumns.map(spanColumnAt),
        at: {
          start: spanColumnAt("startTimeUnixNano"),
          traceKey: spanColumnAt("traceKey"),
          spanKey: spanColumnAt("spanKey"),
          eventType: spanColumnAt("eventType"),
          serviceName: spanColumnAt("serviceName"),
          role: spanColumnAt("messagingRole"),
          destination: spanColumnAt("destination"),
        },
      },
    });
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
      const batch = flatBatch(records);
      const target = writerThread();
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Referenced while a batch is in flight, so that a process awaiting it does not exit first.
        target.ref();
        target.postMessage({ id, batch });
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

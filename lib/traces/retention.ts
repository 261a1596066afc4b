import type { Database } from "../db";
import { parseBusinessKeys } from "./span-store/span-record";

// Keeps each delete under SQLite's 999 bound parameters (three a span, to find its links).
const chunkSize = 300;

/**
 * Deletes spans (with their links and keys, and the hours of their usage counts) that started
 * before `cutoff`, a chunk at a time so that each write transaction stays short and ingestion is
 * never stalled behind one big delete. Returns the number of spans deleted.
 */
export async function deleteSpansOlderThan(database: Database, cutoffUnixNano: bigint): Promise<number> {
  // The hours of MessagingUsage that lie wholly before the cutoff.
  await database.messagingUsage.deleteMany({ where: { hourStartMs: { lte: cutoffUnixNano / 1_000_000n - 3_600_000n } } });
  let deleted = 0;
  for (;;) {
    const old = await database.span.findMany({
      where: { startTimeUnixNano: { lt: cutoffUnixNano } },
      select: { bucket: true, traceKey: true, spanKey: true, startTimeUnixNano: true, keys: true },
      take: chunkSize,
    });
    if (old.length === 0) break;
    const ids = old.map(({ bucket, traceKey, spanKey }) => ({ bucket, traceKey, spanKey }));
    // A span's links are found by its start time first (SpanLink's index by the linking span).
    const linkIds = old.map(({ traceKey, spanKey, startTimeUnixNano }) => ({ startTimeUnixNano, traceKey, spanKey }));
    // SpanKey is found by its whole primary key: it has no index by span.
    const keyRows = old.flatMap(({ bucket, traceKey, spanKey, keys }) => parseBusinessKeys(keys).map(({ key, value }) => ({ bucket, key, value, traceKey, spanKey })));
    await database.$transaction([
      database.spanLink.deleteMany({ where: { OR: linkIds } }),
      ...chunk(keyRows, 150).map((rows) => database.spanKey.deleteMany({ where: { OR: rows } })),
      database.span.deleteMany({ where: { OR: ids } }),
    ]);
    deleted += old.length;
    if (old.length < chunkSize) break;
    // Let queued span writes in between chunks.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Buckets left empty, but never the newest: the SQLite writer may be filling it.
  await database.$executeRaw`DELETE FROM "SpanBucket" WHERE "bucket" < (SELECT MAX("bucket") FROM "SpanBucket")
    AND NOT EXISTS (SELECT 1 FROM "Span" s WHERE s."bucket" = "SpanBucket"."bucket")`;
  return deleted;
}

function chunk<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** Runs retention every `everyMs` in the background; returns a stop function. */
export function startRetention(database: Database, retentionHours: number, everyMs = 60_000): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const cutoff = BigInt(Date.now() - retentionHours * 3_600_000) * 1_000_000n;
      await deleteSpansOlderThan(database, cutoff);
    } catch (error) {
      console.error("[eventscope] span retention failed:", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}

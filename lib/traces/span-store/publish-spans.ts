import type { Database } from "../../db";
import { Prisma } from "../../generated/prisma-sqlite/client";
import { bucketDirectory, type BucketProbe } from "./bucket-directory";
import { traceKey } from "./span-keys";

/** A messaging span, as deliveries are matched to the publishes of the messages they process. */
export interface MessagingSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  serviceName: string;
  eventType: string | null;
  messagingSystem: string | null;
  destination: string | null;
  messageId: string | null;
  failed: boolean;
  startNano: bigint;
}

interface PublishRow extends Omit<MessagingSpan, "failed" | "startNano"> {
  statusCode: number | bigint;
  startNano: number | bigint | string;
}

// Rows of VALUES per query: three parameters each, well under SQLite's 32,766.
const chunkSize = 5_000;

const publishColumns = Prisma.sql`p."traceId", p."spanId", p."parentSpanId", p."serviceName", p."eventType", p."messagingSystem", p."destination", p."messageId",
  p."statusCode", p."startTimeUnixNano" AS "startNano"`;

/**
 * The publish spans of the given traces, and those carrying the given message ids: each key
 * looked up in the buckets that may hold it alone (see Span in prisma/schema.prisma), a few
 * thousand keys a query, so that a page of deliveries finds its messages in one pass.
 */
export async function findPublishSpans(database: Database, { traceIds, messageIds }: { traceIds: readonly string[]; messageIds: readonly string[] }): Promise<MessagingSpan[]> {
  const traces = [...new Set(traceIds)];
  const messages = [...new Set(messageIds)];
  const directory = bucketDirectory(database);
  const [traceBuckets, messageBuckets] = await Promise.all([
    directory.candidatesEach(traces.map((traceId): BucketProbe => ({ kind: "trace", key: traceId }))),
    directory.candidatesEach(messages.map((messageId): BucketProbe => ({ kind: "message", key: messageId }))),
  ]);
  const traceRows = traces.flatMap((traceId, index) => traceBuckets[index]!.map((bucket) => Prisma.sql`(CAST(${bucket} AS INTEGER), CAST(${traceKey(traceId)} AS BIGINT), ${traceId})`));
  const messageRows = messages.flatMap((messageId, index) => messageBuckets[index]!.map((bucket) => Prisma.sql`(CAST(${bucket} AS INTEGER), ${messageId})`));
  const queries = [
    ...chunks(traceRows).map(
      (rows) => Prisma.sql`WITH "wanted"("bucket", "traceKey", "traceId") AS (VALUES ${Prisma.join(rows)})
        SELECT ${publishColumns} FROM "wanted" w
        JOIN "Span" p ON p."bucket" = w."bucket" AND p."traceKey" = w."traceKey" AND p."traceId" = w."traceId"
        WHERE p."messagingRole" = 'publish'`,
    ),
    ...chunks(messageRows).map(
      (rows) => Prisma.sql`WITH "wanted"("bucket", "messageId") AS (VALUES ${Prisma.join(rows)})
        SELECT ${publishColumns} FROM "wanted" w
        JOIN "Span" p ON p."bucket" = w."bucket" AND p."messageId" = w."messageId"
        WHERE p."messagingRole" = 'publish'`,
    ),
  ];
  const found = new Map<string, MessagingSpan>();
  for (const query of queries) {
    for (const row of await database.$queryRaw<PublishRow[]>(query)) {
      const { statusCode, startNano, ...span } = row;
      found.set(`${span.traceId}/${span.spanId}`, { ...span, failed: Number(statusCode) === 2, startNano: BigInt(startNano) });
    }
  }
  return [...found.values()];
}

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / chunkSize) }, (_, index) => items.slice(index * chunkSize, (index + 1) * chunkSize));
}

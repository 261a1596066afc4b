import type { Database } from "../db";
import { Prisma } from "../generated/prisma-sqlite/client";
import { linksOfSpans } from "../traces/span-store/span-keys";
import { summarizeLatency, type LatencySummary } from "./summarize-latency";

interface Row {
  eventType: string;
  consumer: string;
  latencyNano: bigint | number | string;
  statusCode: number | bigint;
}

/**
 * Publish→process latency per event type and consumer over the last `windowMinutes`: for each
 * consume span, the time from the start of the publish span it belongs to (by span link, or as
 * its child) to the start of processing.
 */
export async function getPublishToProcessLatency(database: Database, windowMinutes = 60): Promise<{ windowMinutes: number; rows: LatencySummary[] }> {
  const since = BigInt(Date.now() - windowMinutes * 60_000) * 1_000_000n;
  const [linked, children] = await Promise.all([
    database.$queryRaw<Row[]>`
      SELECT c."eventType" AS "eventType", c."serviceName" AS "consumer", c."startTimeUnixNano" - p."startTimeUnixNano" AS "latencyNano", c."statusCode" AS "statusCode"
      FROM "Span" c
      ${Prisma.raw(linksOfSpans("c", "l"))}
      JOIN "Span" p ON p."traceKey" = l."linkedTraceKey" AND p."spanKey" = l."linkedSpanKey" AND p."traceId" = l."linkedTraceId" AND p."messagingRole" = 'publish'
      WHERE c."startTimeUnixNano" >= ${since} AND c."messagingRole" = 'consume' AND c."eventType" IS NOT NULL`,
    database.$queryRaw<Row[]>`
      SELECT c."eventType" AS "eventType", c."serviceName" AS "consumer", c."startTimeUnixNano" - p."startTimeUnixNano" AS "latencyNano", c."statusCode" AS "statusCode"
      FROM "Span" c
      JOIN "Span" p ON p."traceKey" = c."traceKey" AND p."traceId" = c."traceId" AND p."spanId" = c."parentSpanId" AND p."messagingRole" = 'publish'
      WHERE c."startTimeUnixNano" >= ${since} AND c."messagingRole" = 'consume' AND c."eventType" IS NOT NULL`,
  ]);
  const samples = [...linked, ...children].map((row) => ({
    eventType: row.eventType,
    consumer: row.consumer,
    latencyNano: BigInt(row.latencyNano),
    failed: Number(row.statusCode) === 2,
  }));
  return { windowMinutes, rows: summarizeLatency(samples) };
}

import type { Database } from "../db";
import { Prisma } from "../generated/prisma-sqlite/client";
import { linksOfSpans } from "../traces/span-store/span-keys";
import { distinctSpanValues, newestPartOfWindow } from "../traces/span-store/span-index-reads";
import { summarizeLatency, type LatencySample, type LatencySummary } from "./summarize-latency";

interface Row {
  consumer: string;
  latencyNano: bigint | number | string;
  statusCode: number | bigint;
}

/** Latency of one event type at one consumer. */
export interface MeasuredLatency extends LatencySummary {
  /**
   * When the window held more of the event type's spans than are measured at once: the start
   * (ISO) of the newest part, which the figures cover; null when they cover the whole window.
   */
  coveredSince: string | null;
}

const maxEventTypes = 500;

/**
 * Publish→process latency per event type and consumer over the last `windowMinutes`: for each
 * consume span, the time from the start of the publish span it belongs to (by span link, or as
 * its child) to the start of processing. An event type with more than `maxSpansPerEventType`
 * spans in the window (the default is well under a second of work on SQLite) is measured over
 * its newest ones.
 */
export async function getPublishToProcessLatency(database: Database, windowMinutes = 60, maxSpansPerEventType = 20_000): Promise<{ windowMinutes: number; rows: MeasuredLatency[] }> {
  const windowStart = BigInt(Date.now() - windowMinutes * 60_000) * 1_000_000n;
  const eventTypes = await distinctSpanValues(database, "eventType", maxEventTypes);
  const measured = await Promise.all(eventTypes.map((eventType) => measureEventType(database, eventType, windowStart, maxSpansPerEventType)));
  const coveredSince = new Map(measured.map((entry) => [entry.eventType, entry.coveredSince]));
  const rows = summarizeLatency(measured.flatMap((entry) => entry.samples));
  return { windowMinutes, rows: rows.map((row) => ({ ...row, coveredSince: coveredSince.get(row.eventType) ?? null })) };
}

async function measureEventType(database: Database, eventType: string, windowStart: bigint, maxSpans: number): Promise<{ eventType: string; coveredSince: string | null; samples: LatencySample[] }> {
  const { since, coveredSince } = await newestPartOfWindow(database, { eventType }, windowStart, maxSpans);
  const [linked, children] = await Promise.all([
    database.$queryRaw<Row[]>`
      SELECT c."serviceName" AS "consumer", c."startTimeUnixNano" - p."startTimeUnixNano" AS "latencyNano", c."statusCode" AS "statusCode"
      FROM "Span" c
      ${Prisma.raw(linksOfSpans("c", "l"))}
      JOIN "Span" p ON p."traceKey" = l."linkedTraceKey" AND p."spanKey" = l."linkedSpanKey" AND p."traceId" = l."linkedTraceId" AND p."messagingRole" = 'publish'
      WHERE c."eventType" = ${eventType} AND c."startTimeUnixNano" >= ${since} AND c."messagingRole" = 'consume'`,
    database.$queryRaw<Row[]>`
      SELECT c."serviceName" AS "consumer", c."startTimeUnixNano" - p."startTimeUnixNano" AS "latencyNano", c."statusCode" AS "statusCode"
      FROM "Span" c
      JOIN "Span" p ON p."traceKey" = c."traceKey" AND p."traceId" = c."traceId" AND p."spanId" = c."parentSpanId" AND p."messagingRole" = 'publish'
      WHERE c."eventType" = ${eventType} AND c."startTimeUnixNano" >= ${since} AND c."messagingRole" = 'consume'`,
  ]);
  return {
    eventType,
    coveredSince,
    samples: [...linked, ...children].map((row) => ({ eventType, consumer: row.consumer, latencyNano: BigInt(row.latencyNano), failed: Number(row.statusCode) === 2 })),
  };
}

import { z } from "zod";
import type { Database } from "../../db";
import { AppError } from "../../errors";
import { Prisma } from "../../generated/prisma-sqlite/client";
import { newestPartOfWindow } from "../span-store/span-index-reads";
import { buildEventFlow, type EdgeExampleSpan, type EdgeTotals, type EventFlow, type EventFlowEdgeKind } from "../flow/build-event-flow";

/** Examples kept per edge and outcome: the latest successful spans and the latest failed ones. */
const examplesPerOutcome = 3;

const integer = z.union([z.number(), z.bigint(), z.string()]).transform((value) => BigInt(value));
const edgeKeyColumns = { service: z.string(), eventType: z.string().nullable(), system: z.string().nullable(), destination: z.string().nullable() };
const totalsRowSchema = z.object({ ...edgeKeyColumns, messages: integer, failed: integer, lastSeenNano: integer, p50Nano: integer.nullable(), p95Nano: integer.nullable() });
const exampleRowSchema = z.object({ ...edgeKeyColumns, traceId: z.string(), spanId: z.string(), startNano: integer, failed: integer, latencyNano: integer.nullable() });

/**
 * One event type's flow over the last `windowMinutes` (or over its newest `maxSpans` spans in that
 * window, and then says since when; the default is well under a second of work on SQLite): who
 * published it, through which destinations, which consumers processed it (with publish → process
 * latency), and what they published while processing it — with counts, failures and example spans
 * per edge. Everything is aggregated by the database (window functions for percentiles and
 * examples, portable between SQLite and PostgreSQL), so the cost in JS is per edge, not per span.
 */
export async function getEventFlow(database: Database, eventType: string, windowMinutes: number, maxSpans = 20_000): Promise<EventFlow> {
  const known = await database.eventType.findFirst({ where: { name: eventType, deletedAt: null }, select: { id: true } });
  if (!known) throw new AppError("NOT_FOUND", `no event type named '${eventType}'`);
  const windowStart = BigInt(Date.now() - windowMinutes * 60_000) * 1_000_000n;
  const { since, coveredSince } = await newestPartOfWindow(database, { eventType }, windowStart, maxSpans);
  const kinds: EventFlowEdgeKind[] = ["publish", "deliver", "next"];
  const perKind = await Promise.all(
    kinds.map(async (kind) => {
      const spans = edgeSpans(kind, eventType, since);
      const [totals, examples] = await Promise.all([database.$queryRaw<unknown[]>(totalsQuery(spans)), database.$queryRaw<unknown[]>(examplesQuery(spans))]);
      return {
        totals: totals.map((row): EdgeTotals => ({ kind, ...totalsRowSchema.parse(row) })),
        examples: examples.map((row): EdgeExampleSpan => {
          const { failed, ...example } = exampleRowSchema.parse(row);
          return { kind, ...example, failed: failed > 0n };
        }),
      };
    }),
  );
  return buildEventFlow({ eventType, windowMinutes, coveredSince, totals: perKind.flatMap((entry) => entry.totals), examples: perKind.flatMap((entry) => entry.examples) });
}

/**
 * The spans on one kind of edge, one row each, in the columns both queries below read: the edge
 * key (`service`, `eventType`, `system`, `destination`), the span, `failed` (0/1) and, for
 * deliveries, `latencyNano` from the start of the publish span the delivery belongs to (by span
 * link, as its child, or by message id — the order the order flow matches hops in).
 */
function edgeSpans(kind: EventFlowEdgeKind, eventType: string, since: bigint): Prisma.Sql {
  switch (kind) {
    case "publish":
      return Prisma.sql`
        SELECT p."serviceName" AS "service", p."eventType" AS "eventType", p."messagingSystem" AS "system", p."destination" AS "destination",
          p."traceId" AS "traceId", p."spanId" AS "spanId", p."startTimeUnixNano" AS "startNano",
          CASE WHEN p."statusCode" = 2 THEN 1 ELSE 0 END AS "failed", CAST(NULL AS BIGINT) AS "latencyNano"
        FROM "Span" p
        WHERE p."eventType" = ${eventType} AND p."messagingRole" = 'publish' AND p."startTimeUnixNano" >= ${since}`;
    case "deliver":
      return Prisma.sql`
        SELECT c."serviceName" AS "service", c."eventType" AS "eventType", c."messagingSystem" AS "system", c."destination" AS "destination",
          c."traceId" AS "traceId", c."spanId" AS "spanId", c."startTimeUnixNano" AS "startNano",
          CASE WHEN c."statusCode" = 2 THEN 1 ELSE 0 END AS "failed",
          c."startTimeUnixNano" - COALESCE(
            (SELECT MIN(p."startTimeUnixNano") FROM "SpanLink" l
              JOIN "Span" p ON p."traceKey" = l."linkedTraceKey" AND p."spanKey" = l."linkedSpanKey" AND p."traceId" = l."linkedTraceId" AND p."messagingRole" = 'publish'
              WHERE l."startTimeUnixNano" = c."startTimeUnixNano" AND l."traceKey" = c."traceKey" AND l."spanKey" = c."spanKey" AND l."traceId" = c."traceId"),
            (SELECT p."startTimeUnixNano" FROM "Span" p WHERE p."traceKey" = c."traceKey" AND p."traceId" = c."traceId" AND p."spanId" = c."parentSpanId" AND p."messagingRole" = 'publish'),
            (SELECT MIN(p."startTimeUnixNano") FROM "Span" p
              WHERE p."messageId" = c."messageId" AND p."messagingRole" = 'publish' AND p."startTimeUnixNano" <= c."startTimeUnixNano")
          ) AS "latencyNano"
        FROM "Span" c
        WHERE c."eventType" = ${eventType} AND c."messagingRole" = 'consume' AND c."startTimeUnixNano" >= ${since}`;
    case "next":
      // Published while processing: a child of the consume span, or a span of the same service in
      // the same trace that starts during it (a publish under an intermediate span). Republishing
      // the same event type (forwarding, dead-lettering) is a publish edge of its own already.
      return Prisma.sql`
        SELECT DISTINCT c."serviceName" AS "service", n."eventType" AS "eventType", n."messagingSystem" AS "system", n."destination" AS "destination",
          n."traceId" AS "traceId", n."spanId" AS "spanId", n."startTimeUnixNano" AS "startNano",
          CASE WHEN n."statusCode" = 2 THEN 1 ELSE 0 END AS "failed", CAST(NULL AS BIGINT) AS "latencyNano"
        FROM "Span" c
        JOIN "Span" n ON n."traceKey" = c."traceKey" AND n."traceId" = c."traceId" AND n."messagingRole" = 'publish'
          AND (n."parentSpanId" = c."spanId" OR (n."serviceName" = c."serviceName" AND n."startTimeUnixNano" BETWEEN c."startTimeUnixNano" AND c."endTimeUnixNano"))
        WHERE c."eventType" = ${eventType} AND c."messagingRole" = 'consume' AND c."startTimeUnixNano" >= ${since}
          AND (n."eventType" IS NULL OR n."eventType" <> ${eventType})`;
  }
}

const edgePartition = Prisma.sql`PARTITION BY s."service", s."eventType", s."system", s."destination"`;

/**
 * Per edge: span count, failures, last seen, and nearest-rank p50/p95 of the measured latencies
 * (rank ⌈p·n/100⌉ in integer arithmetic, as `percentile` in lib/lag computes it).
 */
function totalsQuery(spans: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH "edgeSpans" AS (${spans}),
    "ranked" AS (
      SELECT s.*,
        ROW_NUMBER() OVER (${edgePartition} ORDER BY CASE WHEN s."latencyNano" IS NULL THEN 1 ELSE 0 END, s."latencyNano") AS "latencyRank",
        COUNT(s."latencyNano") OVER (${edgePartition}) AS "measured"
      FROM "edgeSpans" s
    )
    SELECT "service", "eventType", "system", "destination", COUNT(*) AS "messages", SUM("failed") AS "failed", MAX("startNano") AS "lastSeenNano",
      MAX(CASE WHEN "latencyRank" = ("measured" * 50 + 99) / 100 THEN "latencyNano" END) AS "p50Nano",
      MAX(CASE WHEN "latencyRank" = ("measured" * 95 + 99) / 100 THEN "latencyNano" END) AS "p95Nano"
    FROM "ranked"
    GROUP BY "service", "eventType", "system", "destination"`;
}

/** Per edge: the latest few successful spans and the latest few failed ones. */
function examplesQuery(spans: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH "edgeSpans" AS (${spans})
    SELECT "service", "eventType", "system", "destination", "traceId", "spanId", "startNano", "failed", "latencyNano"
    FROM (
      SELECT s.*, ROW_NUMBER() OVER (${edgePartition}, s."failed" ORDER BY s."startNano" DESC) AS "exampleRank"
      FROM "edgeSpans" s
    ) e
    WHERE e."exampleRank" <= ${Prisma.raw(String(examplesPerOutcome))}`;
}

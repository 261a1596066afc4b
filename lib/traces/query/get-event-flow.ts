import type { Database } from "../../db";
import { AppError } from "../../errors";
import { buildEventFlow, summarizeEdgeSpans, type EdgeExampleSpan, type EventFlow } from "../flow/build-event-flow";
import { newestPartOfWindow } from "../span-store/span-index-reads";
import type { MessagingSpan } from "../span-store/publish-spans";
import { findDeliveries, matchPublishSpans, type Delivery } from "./deliveries";

interface PublishRow {
  service: string;
  system: string | null;
  destination: string | null;
  traceId: string;
  spanId: string;
  startNano: number | bigint | string;
  statusCode: number | bigint;
}

/**
 * One event type's flow over the last `windowMinutes` (or over its newest `maxSpans` spans in that
 * window, and then says since when; the default is well under a second of work on SQLite): who
 * published it, through which destinations, which consumers processed it (with publish → process
 * latency), and what they published while processing it — with counts, failures and example spans
 * per edge.
 */
export async function getEventFlow(database: Database, eventType: string, windowMinutes: number, maxSpans = 20_000): Promise<EventFlow> {
  const known = await database.eventType.findFirst({ where: { name: eventType, deletedAt: null }, select: { id: true } });
  if (!known) throw new AppError("NOT_FOUND", `no event type named '${eventType}'`);
  const windowStart = BigInt(Date.now() - windowMinutes * 60_000) * 1_000_000n;
  const { since, coveredSince } = await newestPartOfWindow(database, { eventType }, windowStart, maxSpans);
  const [publishes, deliveries] = await Promise.all([
    database.$queryRaw<PublishRow[]>`
      SELECT p."serviceName" AS "service", p."messagingSystem" AS "system", p."destination", p."traceId", p."spanId", p."startTimeUnixNano" AS "startNano", p."statusCode"
      FROM "Span" p WHERE p."eventType" = ${eventType} AND p."messagingRole" = 'publish' AND p."startTimeUnixNano" >= ${since}`,
    findDeliveries(database, eventType, since),
  ]);
  const { matched, ofDeliveryTraces } = await matchPublishSpans(database, deliveries);
  const published = publishes.map(
    ({ startNano, statusCode, ...row }): EdgeExampleSpan => ({ kind: "publish", eventType, ...row, startNano: BigInt(startNano), failed: Number(statusCode) === 2, latencyNano: null }),
  );
  const delivered = deliveries.map(
    (delivery, index): EdgeExampleSpan => ({
      ...edgeOf(delivery),
      kind: "deliver",
      service: delivery.serviceName,
      latencyNano: matched[index] ? delivery.startNano - matched[index].startNano : null,
    }),
  );
  const { totals, examples } = summarizeEdgeSpans([...published, ...delivered, ...publishedNext(deliveries, ofDeliveryTraces, eventType)]);
  return buildEventFlow({ eventType, windowMinutes, coveredSince, totals, examples });
}

function edgeOf(span: MessagingSpan) {
  return { eventType: span.eventType, system: span.messagingSystem, destination: span.destination, traceId: span.traceId, spanId: span.spanId, startNano: span.startNano, failed: span.failed };
}

/**
 * What consumers published while processing: a child of the consume span, or a span of the same
 * service in the same trace that starts during it (a publish under an intermediate span), once
 * per consumer service. Republishing the same event type (forwarding, dead-lettering) is a
 * publish edge of its own already.
 */
function publishedNext(deliveries: readonly Delivery[], ofDeliveryTraces: readonly MessagingSpan[], eventType: string): EdgeExampleSpan[] {
  const byTrace = new Map<string, MessagingSpan[]>();
  for (const span of ofDeliveryTraces) {
    const spans = byTrace.get(span.traceId);
    if (spans === undefined) byTrace.set(span.traceId, [span]);
    else spans.push(span);
  }
  const next = new Map<string, EdgeExampleSpan>();
  for (const delivery of deliveries) {
    for (const span of byTrace.get(delivery.traceId) ?? []) {
      const during = span.serviceName === delivery.serviceName && span.startNano >= delivery.startNano && span.startNano <= delivery.endNano;
      if ((span.parentSpanId !== delivery.spanId && !during) || span.eventType === eventType) continue;
      next.set(`${delivery.serviceName}/${span.traceId}/${span.spanId}`, { ...edgeOf(span), kind: "next", service: delivery.serviceName, latencyNano: null });
    }
  }
  return [...next.values()];
}

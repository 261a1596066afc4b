import type { Database } from "../../db";
import { linksOfSpans } from "../span-store/span-keys";
import { findPublishSpans, type MessagingSpan } from "../span-store/publish-spans";
import { Prisma } from "../../generated/prisma-sqlite/client";

/** A consume span of an event type, with the spans its links point at. */
export interface Delivery extends MessagingSpan {
  endNano: bigint;
  links: { traceId: string; spanId: string }[];
}

interface DeliveryRow extends Omit<Delivery, "failed" | "startNano" | "endNano" | "links"> {
  statusCode: number | bigint;
  startNano: number | bigint | string;
  endNano: number | bigint | string;
}

/** The consume spans of `eventType` that started at or after `since`, through the event type + time index. */
export async function findDeliveries(database: Database, eventType: string, since: bigint): Promise<Delivery[]> {
  const consumes = Prisma.sql`c."eventType" = ${eventType} AND c."messagingRole" = 'consume' AND c."startTimeUnixNano" >= ${since}`;
  const [rows, links] = await Promise.all([
    database.$queryRaw<DeliveryRow[]>`
      SELECT c."traceId", c."spanId", c."parentSpanId", c."serviceName", c."eventType", c."messagingSystem", c."destination", c."messageId", c."statusCode",
        c."startTimeUnixNano" AS "startNano", c."endTimeUnixNano" AS "endNano"
      FROM "Span" c WHERE ${consumes}`,
    database.$queryRaw<{ traceId: string; spanId: string; linkedTraceId: string; linkedSpanId: string }[]>`
      SELECT l."traceId", l."spanId", l."linkedTraceId", l."linkedSpanId" FROM "Span" c ${Prisma.raw(linksOfSpans("c", "l"))} WHERE ${consumes}`,
  ]);
  const linksOf = new Map<string, { traceId: string; spanId: string }[]>();
  for (const link of links) {
    const key = `${link.traceId}/${link.spanId}`;
    const target = { traceId: link.linkedTraceId, spanId: link.linkedSpanId };
    const known = linksOf.get(key);
    if (known === undefined) linksOf.set(key, [target]);
    else known.push(target);
  }
  return rows.map(({ statusCode, startNano, endNano, ...row }) => ({
    ...row,
    failed: Number(statusCode) === 2,
    startNano: BigInt(startNano),
    endNano: BigInt(endNano),
    links: linksOf.get(`${row.traceId}/${row.spanId}`) ?? [],
  }));
}

/**
 * The publish span each delivery processes, or null where none is stored: the earliest one its
 * links point at, else its parent, else the earliest with its message id that started before it
 * (the order the order flow matches hops in). Also returns every publish span of the deliveries'
 * own traces, which is what they published while processing.
 */
export async function matchPublishSpans(database: Database, deliveries: readonly Delivery[]): Promise<{ matched: (MessagingSpan | null)[]; ofDeliveryTraces: MessagingSpan[] }> {
  const byId = new Map<string, MessagingSpan>();
  const traceIds = deliveries.flatMap((delivery) => [delivery.traceId, ...delivery.links.map((link) => link.traceId)]);
  for (const span of await findPublishSpans(database, { traceIds, messageIds: [] })) byId.set(`${span.traceId}/${span.spanId}`, span);
  const earliest = (spans: (MessagingSpan | undefined)[]) =>
    spans.reduce<MessagingSpan | null>((first, span) => (span !== undefined && (first === null || span.startNano < first.startNano) ? span : first), null);
  const matched = deliveries.map(
    (delivery) =>
      earliest(delivery.links.map((link) => byId.get(`${link.traceId}/${link.spanId}`))) ??
      (delivery.parentSpanId === null ? null : (byId.get(`${delivery.traceId}/${delivery.parentSpanId}`) ?? null)),
  );
  const unmatchedIds = deliveries.flatMap((delivery, index) => (matched[index] === null && delivery.messageId !== null ? [delivery.messageId] : []));
  if (unmatchedIds.length > 0) {
    const byMessage = new Map<string, MessagingSpan[]>();
    for (const span of await findPublishSpans(database, { traceIds: [], messageIds: unmatchedIds })) {
      const sharing = byMessage.get(span.messageId!);
      if (sharing === undefined) byMessage.set(span.messageId!, [span]);
      else sharing.push(span);
    }
    deliveries.forEach((delivery, index) => {
      if (matched[index] !== null || delivery.messageId === null) return;
      matched[index] = earliest((byMessage.get(delivery.messageId) ?? []).filter((span) => span.startNano <= delivery.startNano));
    });
  }
  const deliveryTraces = new Set(deliveries.map((delivery) => delivery.traceId));
  return { matched, ofDeliveryTraces: [...byId.values()].filter((span) => deliveryTraces.has(span.traceId)) };
}

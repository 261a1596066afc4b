import { z } from "zod";
import type { Database } from "../../db";
import { buildOrderFlow } from "../flow/build-order-flow";
import { inTraces, traceKey } from "../span-store/span-keys";
import type { FlowSpan, OrderFlow } from "../flow/flow-types";

/** `GET /api/flows?key=order.id&value=1042`. */
export const orderFlowQuerySchema = z.object({
  key: z.string().trim().min(1, "expected a business key name, e.g. order.id").max(256),
  value: z.string().trim().min(1, "expected the key's value, e.g. 1042").max(512),
});

export type OrderFlowQuery = z.infer<typeof orderFlowQuerySchema>;

/** Bounds of the stitching: traces in one flow, and rounds of following links / message ids. */
export const flowLimits = { maxTraces: 200, maxRounds: 4 } as const;

/**
 * One business key's flow across services: the traces carrying the key, then — breadth first,
 * for a bounded number of rounds and traces — every trace reachable through span links in either
 * direction or sharing a message id with a messaging span already in the flow (a consumer that
 * started a new trace and recorded neither link nor key). Then `buildOrderFlow` assembles it.
 */
export async function getOrderFlow(database: Database, query: OrderFlowQuery): Promise<OrderFlow> {
  const { traceIds, truncated } = await stitchTraces(database, query);
  if (traceIds.length === 0) return buildOrderFlow({ ...query, spans: [], links: [] });
  const [rows, links] = await Promise.all([
    database.span.findMany({
      where: inTraces(traceIds),
      select: {
        traceId: true,
        spanId: true,
        parentSpanId: true,
        serviceName: true,
        name: true,
        startTimeUnixNano: true,
        endTimeUnixNano: true,
        statusCode: true,
        statusMessage: true,
        attributes: true,
        messagingRole: true,
        messagingSystem: true,
        destination: true,
        eventType: true,
        messageId: true,
        consumerGroup: true,
      },
    }),
    database.spanLink.findMany({ where: inTraces(traceIds), select: { traceId: true, spanId: true, linkedTraceId: true, linkedSpanId: true } }),
  ]);
  const spans: FlowSpan[] = rows.map((row) => ({
    traceId: row.traceId,
    spanId: row.spanId,
    parentSpanId: row.parentSpanId,
    serviceName: row.serviceName,
    name: row.name,
    startNano: row.startTimeUnixNano,
    endNano: row.endTimeUnixNano,
    statusCode: row.statusCode,
    statusMessage: row.statusMessage,
    messaging:
      row.messagingRole === "publish" || row.messagingRole === "consume"
        ? { role: row.messagingRole, system: row.messagingSystem, destination: row.destination, eventType: row.eventType, messageId: row.messageId, consumerGroup: row.consumerGroup }
        : null,
    // Only messaging spans' attributes matter to the flow (dead-letter flags, versions).
    attributes: row.messagingRole ? parseObject(row.attributes) : {},
  }));
  return buildOrderFlow({ ...query, spans, links, truncated });
}

async function stitchTraces(database: Database, query: OrderFlowQuery): Promise<{ traceIds: string[]; truncated: boolean }> {
  const seeds = await database.spanKey.findMany({
    where: { key: query.key, value: query.value },
    select: { traceId: true },
    distinct: ["traceId"],
    take: flowLimits.maxTraces + 1,
  });
  const known = new Set<string>();
  let truncated = false;
  const admit = (traceIds: string[]): string[] => {
    const fresh: string[] = [];
    for (const traceId of traceIds) {
      if (known.has(traceId)) continue;
      if (known.size >= flowLimits.maxTraces) {
        truncated = true;
        break;
      }
      known.add(traceId);
      fresh.push(traceId);
    }
    return fresh;
  };
  let frontier = admit(seeds.map((seed) => seed.traceId));
  const seenMessageIds = new Set<string>();
  for (let round = 0; round < flowLimits.maxRounds && frontier.length > 0 && !truncated; round += 1) {
    const [outgoing, incoming, messages] = await Promise.all([
      database.spanLink.findMany({ where: inTraces(frontier), select: { linkedTraceId: true } }),
      database.spanLink.findMany({ where: { linkedTraceKey: { in: frontier.map(traceKey) }, linkedTraceId: { in: frontier } }, select: { traceId: true } }),
      database.span.findMany({ where: { ...inTraces(frontier), messageId: { not: null } }, select: { messageId: true } }),
    ]);
    const messageIds = [...new Set(messages.map((row) => row.messageId!))].filter((id) => !seenMessageIds.has(id));
    for (const id of messageIds) seenMessageIds.add(id);
    const sharing =
      messageIds.length === 0
        ? []
        : await database.span.findMany({
            where: { messageId: { in: messageIds }, traceId: { notIn: [...known] } },
            select: { traceId: true },
            distinct: ["traceId"],
            take: flowLimits.maxTraces,
          });
    frontier = admit([...outgoing.map((link) => link.linkedTraceId), ...incoming.map((link) => link.traceId), ...sharing.map((row) => row.traceId)]);
  }
  return { traceIds: [...known], truncated };
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value = JSON.parse(json) as unknown;
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

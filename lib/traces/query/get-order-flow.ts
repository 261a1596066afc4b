import { z } from "zod";
import { buildOrderFlow } from "../flow/build-order-flow";
import type { SpanReader } from "../span-store/span-reader";
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
export async function getOrderFlow(reader: SpanReader, query: OrderFlowQuery): Promise<OrderFlow> {
  const { traceIds, truncated } = await stitchTraces(reader, query);
  if (traceIds.length === 0) return buildOrderFlow({ ...query, spans: [], links: [] });
  const [rows, links] = await Promise.all([reader.flowSpans(traceIds), reader.flowLinks(traceIds)]);
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

async function stitchTraces(reader: SpanReader, query: OrderFlowQuery): Promise<{ traceIds: string[]; truncated: boolean }> {
  const seeds = await reader.tracesWithKey(query.key, query.value, flowLimits.maxTraces + 1);
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
  let frontier = admit(seeds);
  const seenMessageIds = new Set<string>();
  for (let round = 0; round < flowLimits.maxRounds && frontier.length > 0 && !truncated; round += 1) {
    const { linkedTraceIds, messageIds: frontierMessageIds } = await reader.traceNeighbours(frontier);
    const messageIds = frontierMessageIds.filter((id) => !seenMessageIds.has(id));
    for (const id of messageIds) seenMessageIds.add(id);
    const sharing = messageIds.length === 0 ? [] : await reader.tracesWithMessageIds(messageIds, [...known], flowLimits.maxTraces);
    frontier = admit([...linkedTraceIds, ...sharing]);
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

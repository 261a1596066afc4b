import { queryOptions } from "@tanstack/react-query";
import type { EventFlow } from "../traces/flow/build-event-flow";
import type { OrderFlow } from "../traces/flow/flow-types";
import { fetchJson } from "./fetch-json";

export const flowKeys = {
  all: ["flows"] as const,
  order: (key: string, value: string) => [...flowKeys.all, "order", { key, value }] as const,
  eventType: (name: string, windowMinutes: number) => [...flowKeys.all, "event-type", name, windowMinutes] as const,
};

/** The stitched flow of one business key (e.g. order.id = 1042), refreshed while messages may still move. */
export function orderFlowQueryOptions(key: string, value: string) {
  return queryOptions({
    queryKey: flowKeys.order(key, value),
    queryFn: () => fetchJson<OrderFlow>(`/api/flows?${new URLSearchParams({ key, value }).toString()}`),
    refetchInterval: 15_000,
  });
}

/** The order flow page of a business key. */
export function flowHref(key: string, value: string): string {
  return `/flows?${new URLSearchParams({ key, value }).toString()}`;
}

/** One event type's aggregated flow over the last `windowMinutes`, refreshed like the order flow. */
export function eventFlowQueryOptions(name: string, windowMinutes: number) {
  return queryOptions({
    queryKey: flowKeys.eventType(name, windowMinutes),
    queryFn: () => fetchJson<EventFlow>(`/api/event-types/${encodeURIComponent(name)}/flow?window=${windowMinutes}`),
    refetchInterval: 15_000,
  });
}

/** The event flow page of an event type, optionally with a window and a selected edge. */
export function eventFlowHref(name: string, options: { windowMinutes?: number; edge?: string | null } = {}): string {
  const query = new URLSearchParams();
  if (options.windowMinutes !== undefined) query.set("window", String(options.windowMinutes));
  if (options.edge) query.set("edge", options.edge);
  const text = query.toString();
  return `/catalog/${encodeURIComponent(name)}/flow${text ? `?${text}` : ""}`;
}

import { queryOptions } from "@tanstack/react-query";
import type { OrderFlow } from "../traces/flow/flow-types";
import { fetchJson } from "./fetch-json";

export const flowKeys = {
  all: ["flows"] as const,
  order: (key: string, value: string) => [...flowKeys.all, "order", { key, value }] as const,
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

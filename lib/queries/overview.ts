import { queryOptions } from "@tanstack/react-query";
import type { OverviewCounts } from "../overview/get-overview-counts";
import { fetchJson } from "./fetch-json";

export const overviewKeys = {
  all: ["overview"] as const,
  counts: () => [...overviewKeys.all, "counts"] as const,
};

export function overviewCountsQueryOptions() {
  return queryOptions({
    queryKey: overviewKeys.counts(),
    queryFn: () => fetchJson<OverviewCounts>("/api/overview"),
    refetchInterval: 5_000,
  });
}

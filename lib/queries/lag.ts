import { queryOptions } from "@tanstack/react-query";
import type { LagOverview } from "../lag/get-lag-overview";
import { fetchJson } from "./fetch-json";

export const lagKeys = {
  all: ["lag"] as const,
  overview: (windowMinutes: number) => [...lagKeys.all, "overview", windowMinutes] as const,
};

export function lagOverviewQueryOptions(windowMinutes: number) {
  return queryOptions({
    queryKey: lagKeys.overview(windowMinutes),
    queryFn: () => fetchJson<LagOverview>(`/api/lag?window=${windowMinutes}`),
    refetchInterval: 5_000,
  });
}

import { queryOptions } from "@tanstack/react-query";
import type { LagOverview } from "../lag/get-lag-overview";
import type { BrokerLag } from "../lag/read-broker-lag";
import { fetchJson } from "./fetch-json";

export const lagKeys = {
  all: ["lag"] as const,
  overview: (windowMinutes: number) => [...lagKeys.all, "overview", windowMinutes] as const,
  brokers: () => [...lagKeys.all, "brokers"] as const,
};

export function lagOverviewQueryOptions(windowMinutes: number) {
  return queryOptions({
    queryKey: lagKeys.overview(windowMinutes),
    queryFn: () => fetchJson<LagOverview>(`/api/lag?window=${windowMinutes}`),
    refetchInterval: 5_000,
  });
}

export function brokerLagQueryOptions() {
  return queryOptions({
    queryKey: lagKeys.brokers(),
    queryFn: () => fetchJson<BrokerLag[]>("/api/lag/brokers"),
    refetchInterval: 5_000,
  });
}

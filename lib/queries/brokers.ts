import { queryOptions } from "@tanstack/react-query";
import type { BrokerConnectionInput, BrokerConnectionView } from "../brokers/connections/broker-connection";
import type { BrokerConnectionStatus } from "../brokers/connections/check-broker-connections";
import type { HealthResult } from "../brokers/types";
import { fetchJson } from "./fetch-json";

export const brokerKeys = {
  all: ["brokers"] as const,
  connections: () => [...brokerKeys.all, "connections"] as const,
};

export function brokerConnectionsQueryOptions() {
  return queryOptions({
    queryKey: brokerKeys.connections(),
    queryFn: () => fetchJson<BrokerConnectionStatus[]>("/api/brokers"),
    refetchInterval: 15_000,
  });
}

const jsonHeaders = { "content-type": "application/json" };

export function testBrokerConnection(input: BrokerConnectionInput): Promise<{ health: HealthResult }> {
  return fetchJson("/api/brokers?dryRun=true", { method: "POST", headers: jsonHeaders, body: JSON.stringify(input) });
}

export function saveBrokerConnection(input: BrokerConnectionInput): Promise<BrokerConnectionView> {
  return fetchJson("/api/brokers", { method: "POST", headers: jsonHeaders, body: JSON.stringify(input) });
}

export function deleteBrokerConnection(name: string): Promise<void> {
  return fetchJson(`/api/brokers/${encodeURIComponent(name)}`, { method: "DELETE" });
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { brokerDirectory } from "@/lib/brokers/connections/broker-directory";
import { checkBrokerConnections } from "@/lib/brokers/connections/check-broker-connections";
import { db } from "@/lib/db";
import { checkHealth } from "@/lib/health/check-health";
import { brokerConnectionsQueryOptions } from "@/lib/queries/brokers";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { describeSettings } from "@/lib/settings/describe-settings";
import { BrokerConnections } from "./broker-connections-client";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const settings = describeSettings();
  const queryClient = getQueryClient();
  const [health] = await Promise.all([
    checkHealth(db(), settings.database.provider),
    queryClient.prefetchQuery({ ...brokerConnectionsQueryOptions(), queryFn: () => checkBrokerConnections(brokerDirectory()) }),
  ]);
  return (
    <>
      <h1>Settings</h1>
      <p className="page-intro">The configuration this instance runs with. Change it through environment variables (see .env.example) and restart; brokers can also be added here.</p>
      <dl className="settings">
        <dt>Database</dt>
        <dd>
          {settings.database.provider === "sqlite" ? "SQLite (embedded)" : "PostgreSQL"}{" "}
          <span className={health.database.status === "up" ? "badge badge-ok" : "badge badge-bad"}>
            {health.database.status === "up" ? `up, ${health.database.latencyMs} ms` : (health.database.error ?? "down")}
          </span>
        </dd>
        <dt>Location</dt>
        <dd className="mono">{settings.database.location}</dd>
        <dt>Port</dt>
        <dd className="mono">{settings.port}</dd>
        <dt>Own traces exported to</dt>
        <dd className="mono">{settings.telemetryExport ?? <span className="muted">not exported (OTEL_EXPORTER_OTLP_ENDPOINT unset)</span>}</dd>
      </dl>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <BrokerConnections />
      </HydrationBoundary>
    </>
  );
}

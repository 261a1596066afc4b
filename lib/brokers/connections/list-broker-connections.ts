import type { Database } from "../../db";
import type { Env } from "../../env";
import type { BrokerConnection, WatchedConsumer } from "./broker-connection";

export const embeddedConnectionName = "embedded";

/** Connections named by the environment, in a fixed order; their names are reserved. */
export function environmentConnections(settings: Pick<Env, "EVENTSCOPE_RABBITMQ_URL" | "EVENTSCOPE_RABBITMQ_WATCH" | "EVENTSCOPE_NATS_URL" | "EVENTSCOPE_REDIS_URL">): BrokerConnection[] {
  const connections: BrokerConnection[] = [];
  if (settings.EVENTSCOPE_RABBITMQ_URL) {
    connections.push({ name: "rabbitmq", kind: "rabbitmq", url: settings.EVENTSCOPE_RABBITMQ_URL, watched: settings.EVENTSCOPE_RABBITMQ_WATCH, source: "environment" });
  }
  if (settings.EVENTSCOPE_NATS_URL) connections.push({ name: "nats", kind: "nats", url: settings.EVENTSCOPE_NATS_URL, watched: [], source: "environment" });
  if (settings.EVENTSCOPE_REDIS_URL) connections.push({ name: "redis", kind: "redis-streams", url: settings.EVENTSCOPE_REDIS_URL, watched: [], source: "environment" });
  return connections;
}

/** Every broker the portal reads: the embedded one first, then the environment's, then those added in Settings. */
export async function listBrokerConnections(database: Database, fromEnvironment: BrokerConnection[]): Promise<BrokerConnection[]> {
  const saved = await database.brokerConnection.findMany({ orderBy: { name: "asc" } });
  return [
    { name: embeddedConnectionName, kind: "embedded", url: null, watched: [], source: "built-in" },
    ...fromEnvironment,
    ...saved.map((row) => ({
      name: row.name,
      kind: row.kind as BrokerConnection["kind"],
      url: row.url,
      watched: JSON.parse(row.watched) as WatchedConsumer[],
      source: "settings" as const,
    })),
  ];
}

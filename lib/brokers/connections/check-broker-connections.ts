import type { HealthResult } from "../types";
import { toView, type BrokerConnectionView } from "./broker-connection";
import type { BrokerDirectory } from "./broker-directory";
import { listBrokerConnections } from "./list-broker-connections";

export interface BrokerConnectionStatus extends BrokerConnectionView {
  health: HealthResult;
}

/** Every connection with its health, checked in parallel; a broker that is down is a status, not an error. */
export async function checkBrokerConnections(directory: BrokerDirectory): Promise<BrokerConnectionStatus[]> {
  const connections = await listBrokerConnections(directory.database, directory.fromEnvironment);
  return Promise.all(connections.map(async (connection) => ({ ...toView(connection), health: await directory.pool.get(connection).checkHealth() })));
}

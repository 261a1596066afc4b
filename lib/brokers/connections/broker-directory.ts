import { db, type Database } from "../../db";
import { databaseConfig, env, type DatabaseConfig } from "../../env";
import { AppError } from "../../errors";
import type { BrokerProblem } from "../broker-result";
import type { Broker } from "../types";
import { maskedAddress, type BrokerConnection } from "./broker-connection";
import { BrokerPool } from "./broker-pool";
import { environmentConnections, listBrokerConnections } from "./list-broker-connections";

/** Everything the broker use cases need: where saved connections live, the environment's, and open adapters. */
export interface BrokerDirectory {
  database: Database;
  provider: DatabaseConfig["provider"];
  fromEnvironment: BrokerConnection[];
  pool: BrokerPool;
}

// Kept on globalThis so that development reloads reuse the open broker connections.
const holder = globalThis as typeof globalThis & { eventscopeBrokers?: BrokerDirectory };

/** The process-wide directory of the running app. */
export function brokerDirectory(): BrokerDirectory {
  if (!holder.eventscopeBrokers) {
    const provider = databaseConfig().provider;
    holder.eventscopeBrokers = { database: db(), provider, fromEnvironment: environmentConnections(env()), pool: new BrokerPool(db(), provider) };
  }
  return holder.eventscopeBrokers;
}

export async function findBrokerConnection(directory: BrokerDirectory, name: string): Promise<BrokerConnection> {
  const connection = (await listBrokerConnections(directory.database, directory.fromEnvironment)).find((candidate) => candidate.name === name);
  if (!connection) throw new AppError("NOT_FOUND", `no broker connection named '${name}'`);
  return connection;
}

/** The open adapter of a named connection. */
export async function openBroker(directory: BrokerDirectory, name: string): Promise<{ connection: BrokerConnection; broker: Broker }> {
  const connection = await findBrokerConnection(directory, name);
  return { connection, broker: directory.pool.get(connection) };
}

/** A broker's failure as the API reports it: which broker, where, and the adapter's own words. */
export function brokerProblemError(connection: BrokerConnection, problem: BrokerProblem): AppError {
  const where = connection.url === null ? "" : ` (${maskedAddress(connection.url)})`;
  const message = `broker '${connection.name}'${where}: ${problem.error.message}`;
  return problem.error.code === "invalid" ? new AppError("BAD_REQUEST", message) : new AppError("BROKER_ERROR", message, { reason: problem.error.code });
}

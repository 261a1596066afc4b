import type { Database } from "../../db";
import type { DatabaseConfig } from "../../env";
import { createBroker } from "../create-broker";
import type { HealthResult } from "../types";
import { toBrokerConfig, type BrokerConnectionInput } from "./broker-connection";

/** Connects to a broker that is not saved yet, answers whether it is usable, and disconnects. */
export async function testBrokerConnection(database: Database, provider: DatabaseConfig["provider"], input: BrokerConnectionInput): Promise<HealthResult> {
  const broker = createBroker(toBrokerConfig({ ...input, source: "settings" }, database, provider));
  try {
    return await broker.checkHealth();
  } finally {
    await broker.close();
  }
}

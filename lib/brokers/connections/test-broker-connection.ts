import { createBroker } from "../create-broker";
import type { HealthResult } from "../types";
import { toBrokerConfig, type BrokerConnectionInput } from "./broker-connection";
import type { BrokerDirectory } from "./broker-directory";

/** Connects to a broker that is not saved yet, answers whether it is usable, and disconnects. */
export async function testBrokerConnection(directory: Pick<BrokerDirectory, "database" | "provider">, input: BrokerConnectionInput): Promise<HealthResult> {
  const broker = createBroker(toBrokerConfig({ ...input, source: "settings" }, directory.database, directory.provider));
  try {
    return await broker.checkHealth();
  } finally {
    await broker.close();
  }
}

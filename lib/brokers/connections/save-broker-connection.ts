import { isUniqueViolation } from "../../database/is-unique-violation";
import { AppError } from "../../errors";
import { maskedAddress, toView, type BrokerConnectionInput, type BrokerConnectionView } from "./broker-connection";
import type { BrokerDirectory } from "./broker-directory";
import { listBrokerConnections } from "./list-broker-connections";
import { testBrokerConnection } from "./test-broker-connection";

/**
 * Adds a broker connection after testing it: a broker that cannot be reached or refuses the
 * credentials is not saved, and the answer says why.
 */
export async function saveBrokerConnection(directory: BrokerDirectory, input: BrokerConnectionInput): Promise<BrokerConnectionView> {
  const existing = (await listBrokerConnections(directory.database, directory.fromEnvironment)).find((connection) => connection.name === input.name);
  if (existing) {
    const origin = existing.source === "settings" ? "already exists" : existing.source === "environment" ? "is set in the environment" : "is built in";
    throw new AppError("CONFLICT", `a broker connection named '${input.name}' ${origin}; choose another name`);
  }
  const health = await testBrokerConnection(directory, input);
  if (health.status === "down") {
    throw new AppError("UNPROCESSABLE", `not saved: ${maskedAddress(input.url)} failed the connection test: ${health.error.message}`, { reason: health.error.code });
  }
  try {
    await directory.database.brokerConnection.create({
      data: { name: input.name, kind: input.kind, url: input.url, watched: JSON.stringify(input.watched), createdAtMs: BigInt(Date.now()) },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `a broker connection named '${input.name}' already exists; choose another name`);
    throw error;
  }
  return toView({ ...input, source: "settings" });
}

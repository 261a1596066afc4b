import { AppError } from "../../errors";
import { findBrokerConnection, type BrokerDirectory } from "./broker-directory";

/** Removes a connection added in Settings and closes its adapter; the broker itself is untouched. */
export async function deleteBrokerConnection(directory: BrokerDirectory, name: string): Promise<void> {
  const connection = await findBrokerConnection(directory, name);
  if (connection.source !== "settings") {
    throw new AppError("CONFLICT", `'${name}' is ${connection.source === "environment" ? "set in the environment; unset its variable" : "built in"} and cannot be removed here`);
  }
  await directory.database.brokerConnection.delete({ where: { name } });
  await directory.pool.forget(name);
}

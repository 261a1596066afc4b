import { brokerProblemError, openBroker, type BrokerDirectory } from "../brokers/connections/broker-directory";
import { toView, type BrokerConnectionView } from "../brokers/connections/broker-connection";
import { listBrokerConnections } from "../brokers/connections/list-broker-connections";
import type { LagReading } from "../brokers/types";

/** A lag reading as sent to a browser. */
export type BrokerLagReading = Omit<LagReading, "readAt"> & { readAt: string };

/** One broker's lag readings, or why there are none: one broker down never hides the others. */
export type BrokerLag = { broker: BrokerConnectionView } & ({ status: "ok"; readings: BrokerLagReading[] } | { status: "error"; message: string });

/** Broker-side lag of every connection, read in parallel. */
export async function readBrokerLag(directory: BrokerDirectory): Promise<BrokerLag[]> {
  const connections = await listBrokerConnections(directory.database, directory.fromEnvironment);
  return Promise.all(
    connections.map(async (connection): Promise<BrokerLag> => {
      const read = await directory.pool.get(connection).readLag();
      const broker = toView(connection);
      return read.status === "ok"
        ? {
            broker,
            status: "ok",
            readings: read.value
              .sort((a, b) => b.waiting - a.waiting || a.destination.localeCompare(b.destination))
              .map((reading) => ({ ...reading, readAt: reading.readAt.toISOString() })),
          }
        : { broker, status: "error", message: brokerProblemError(connection, read).message };
    }),
  );
}

/** One named broker's lag readings; a broker failure is a 502 naming it. */
export async function readLagOfBroker(directory: BrokerDirectory, name: string): Promise<LagReading[]> {
  const { connection, broker } = await openBroker(directory, name);
  const read = await broker.readLag();
  if (read.status !== "ok") throw brokerProblemError(connection, read);
  return read.value;
}

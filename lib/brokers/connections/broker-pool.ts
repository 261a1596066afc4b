import type { Database } from "../../db";
import type { DatabaseConfig } from "../../env";
import { createBroker } from "../create-broker";
import type { Broker } from "../types";
import { toBrokerConfig, type BrokerConnection } from "./broker-connection";

interface Pooled {
  /** What the adapter was opened with: a connection edited under the same name gets a new one. */
  fingerprint: string;
  broker: Broker;
}

/**
 * One open adapter per connection, shared by every request of this process: adapters keep
 * their broker connection (and, for NATS, capture advisories) between requests.
 */
export class BrokerPool {
  private readonly open = new Map<string, Pooled>();

  constructor(
    private readonly database: Database,
    private readonly provider: DatabaseConfig["provider"],
  ) {}

  get(connection: BrokerConnection): Broker {
    const fingerprint = JSON.stringify([connection.kind, connection.url, connection.watched]);
    const pooled = this.open.get(connection.name);
    if (pooled?.fingerprint === fingerprint) return pooled.broker;
    if (pooled) void pooled.broker.close();
    const broker = createBroker(toBrokerConfig(connection, this.database, this.provider));
    this.open.set(connection.name, { fingerprint, broker });
    return broker;
  }

  async forget(name: string): Promise<void> {
    const pooled = this.open.get(name);
    this.open.delete(name);
    await pooled?.broker.close();
  }

  async closeAll(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map(({ broker }) => broker.close()));
  }
}

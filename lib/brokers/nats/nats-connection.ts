import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type ConnectionOptions, type NatsConnection } from "@nats-io/transport-node";
import { failed, ok, type BrokerResult } from "../broker-result";
import type { NatsHandles } from "./nats-context";
import { classifyNatsError } from "./nats-errors";
import type { NatsNames } from "./nats-names";
import { setUpBookkeeping } from "./nats-setup";

/** How the connector reaches the server and names its bookkeeping. */
export interface ConnectionSettings {
  options: ConnectionOptions;
  names: NatsNames;
  requestTimeoutMs: number;
}

/**
 * One connection per adapter, made on first use. A failed attempt is not cached, so the next
 * call tries again; once connected, nats.js reconnects by itself, and a connection that was
 * closed for good is replaced.
 */
export function createConnector(settings: ConnectionSettings) {
  let current: Promise<BrokerResult<NatsHandles>> | null = null;
  let closed = false;

  async function open(): Promise<BrokerResult<NatsHandles>> {
    let nc: NatsConnection;
    try {
      nc = await connect(settings.options);
    } catch (error) {
      return classifyNatsError(error);
    }
    try {
      const jsm = await jetstreamManager(nc, { timeout: settings.requestTimeoutMs });
      const setUp = await setUpBookkeeping(jsm, settings.names);
      if (setUp.status !== "ok") {
        await nc.close();
        return setUp;
      }
      return ok({ nc, jsm, js: jetstream(nc, { timeout: settings.requestTimeoutMs }) });
    } catch (error) {
      await nc.close();
      return classifyNatsError(error);
    }
  }

  return {
    async handles(): Promise<BrokerResult<NatsHandles>> {
      if (closed) return failed("invalid", "the NATS broker was closed");
      for (;;) {
        const attempt = current ?? (current = open());
        const result = await attempt;
        if (result.status === "ok" && closed) await result.value.nc.close();
        if (result.status === "ok" && !result.value.nc.isClosed()) return result;
        if (current === attempt) current = null;
        if (result.status !== "ok") return result;
        if (closed) return failed("invalid", "the NATS broker was closed");
      }
    },
    async close(): Promise<void> {
      closed = true;
      const pending = current;
      current = null;
      const result = await pending;
      if (result?.status === "ok" && !result.value.nc.isClosed()) await result.value.nc.close();
    },
  };
}

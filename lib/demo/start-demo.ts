import { setTimeout as delay } from "node:timers/promises";
import { createBroker } from "../brokers/create-broker";
import type { Database } from "../db";
import { databaseConfig, type Env } from "../env";
import { runDemo, type DemoHandle } from "./run-demo";

/** The demo as the server runs it. */
export interface RunningDemo {
  /** Stops the demo (or its start, if the server never answered) and closes its broker. */
  stop(): Promise<void>;
}

/** The URL at which this server reaches itself: its own interface, or loopback when it listens on all. */
export function selfUrl(settings: Pick<Env, "HOSTNAME" | "PORT">): string {
  const host = ["0.0.0.0", "::", "[::]"].includes(settings.HOSTNAME) ? "127.0.0.1" : settings.HOSTNAME;
  return `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${settings.PORT}`;
}

/** Resolves true once anything answers HTTP at `url`, false when stopped first. */
async function waitUntilAnswering(url: string, signal: AbortSignal): Promise<boolean> {
  while (!signal.aborted) {
    try {
      await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(2_000)]), cache: "no-store" });
      return true;
    } catch {
      try {
        await delay(500, undefined, { signal });
      } catch {
        return false;
      }
    }
  }
  return false;
}

/**
 * Starts the demo order system in the background on the embedded broker, exporting its spans to
 * this server's own `/v1/traces` — the path any user's system takes. Returns at once; the demo
 * begins when the server answers, so its first spans are not refused.
 */
export function startDemo(database: Database, settings: Env): RunningDemo {
  const base = selfUrl(settings);
  const broker = createBroker({ kind: "embedded", database, provider: databaseConfig(settings).provider, pollIntervalMs: 500 });
  const stopping = new AbortController();
  const ordersPerMinute = settings.EVENTSCOPE_DEMO_ORDERS_PER_MINUTE;
  const started: Promise<DemoHandle | undefined> = (async () => {
    if (!(await waitUntilAnswering(`${base}/api/health`, stopping.signal))) return undefined;
    const otlp = { endpoint: `${base}/v1/traces`, token: settings.EVENTSCOPE_INGEST_TOKEN };
    const demo = await runDemo({ broker, system: "embedded", otlp, ordersPerMinute });
    if (demo.status !== "ok") {
      console.error(`eventscope: the demo order system did not start: ${demo.error.message} (EVENTSCOPE_DEMO=off turns it off)`);
      return undefined;
    }
    console.log(`eventscope: demo order system running, ${ordersPerMinute} orders/min on the embedded broker (EVENTSCOPE_DEMO=off turns it off)`);
    return demo.value;
  })().catch(() => undefined);
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        stopping.abort();
        await (await started)?.stop();
        await broker.close();
      })();
      return stopped;
    },
  };
}

import { db } from "./db";
import { startDemo } from "./demo/start-demo";
import { env } from "./env";
import { startTelemetry } from "./telemetry/start-telemetry";
import { ingestService, startOtlpPortListener } from "./traces/ingest/ingest-runtime";
import { startRetention } from "./traces/retention";

// Next.js may call register() again in development; one demo per process is enough.
const holder = globalThis as typeof globalThis & { eventscopeDemoStarted?: boolean };

/** Everything a server process runs beside answering requests; started once from instrumentation.ts. */
export function startServerRuntime(): void {
  const settings = env();
  startTelemetry();
  startRetention(db(), settings.EVENTSCOPE_RETENTION_HOURS);
  if (settings.EVENTSCOPE_OTLP_PORT) startOtlpPortListener(ingestService(), settings.EVENTSCOPE_OTLP_PORT, settings.HOSTNAME);
  if (settings.EVENTSCOPE_DEMO === "on" && !holder.eventscopeDemoStarted) {
    holder.eventscopeDemoStarted = true;
    const demo = startDemo(db(), settings);
    // Next.js exits on its own after these signals; the demo settles what it can and flushes its spans meanwhile.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void demo.stop());
  }
}

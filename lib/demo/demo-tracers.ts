import type { Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { tracing } from "@opentelemetry/sdk-node";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";

/** The demo's services; each is its own OpenTelemetry service with its own `service.name`. */
export const demoServices = ["checkout", "payment", "inventory", "email", "shipping"] as const;
/** One of the five demo services. */
export type DemoService = (typeof demoServices)[number];

/** Where the demo services export their spans. */
export interface DemoTracerOptions {
  /** Full OTLP/HTTP traces URL, e.g. http://127.0.0.1:3000/v1/traces. */
  endpoint: string;
  /** Sent as a bearer token when Eventscope requires one (EVENTSCOPE_INGEST_TOKEN). */
  token?: string;
  /** How often each service's batch is exported. */
  exportEveryMs?: number;
}

/** The five services' tracers, flushed and shut down together. */
export interface DemoTracers {
  tracer(service: DemoService): Tracer;
  /** Exports everything ended so far. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * One tracer provider per service, as if each ran in its own process: its own resource, batch
 * processor and OTLP/protobuf exporter. None is registered globally — Eventscope's own SDK is
 * the global one, and the demo services must not report as `eventscope`.
 */
export function createDemoTracers(options: DemoTracerOptions): DemoTracers {
  const providers = new Map(
    demoServices.map((service) => {
      const exporter = new OTLPTraceExporter({
        url: options.endpoint,
        headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
      });
      const provider = new tracing.BasicTracerProvider({
        resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service, [ATTR_SERVICE_VERSION]: "1.0.0", "deployment.environment.name": "demo" }),
        spanProcessors: [new tracing.BatchSpanProcessor(exporter, { scheduledDelayMillis: options.exportEveryMs ?? 1_000, maxQueueSize: 4_096 })],
      });
      return [service, provider] as const;
    }),
  );
  return {
    tracer: (service) => providers.get(service)!.getTracer("eventscope-demo", "1.0.0"),
    async flush() {
      await Promise.all([...providers.values()].map((provider) => provider.forceFlush()));
    },
    async shutdown() {
      await Promise.all([...providers.values()].map((provider) => provider.shutdown()));
    },
  };
}

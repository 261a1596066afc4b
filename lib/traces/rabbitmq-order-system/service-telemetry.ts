import type { Span } from "@opentelemetry/api";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { AmqplibInstrumentation } from "@opentelemetry/instrumentation-amqplib";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { NodeSDK, tracing } from "@opentelemetry/sdk-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { orderIdOfContent, type OrderService } from "./order-routing";

export type OtlpFormat = "proto" | "json";

export interface ServiceTelemetryOptions {
  service: OrderService;
  otlpUrl: string;
  format: OtlpFormat;
  /** Consumers start a new trace that links to the producer span instead of continuing its trace. */
  useLinksForConsume: boolean;
}

function tagOrder(span: Span, content: Buffer): void {
  const orderId = orderIdOfContent(content);
  if (orderId !== undefined) span.setAttribute("order.id", orderId);
}

/**
 * Starts the process's one NodeSDK. It must run before amqplib is loaded: the instrumentation
 * patches amqplib's modules as they are required.
 */
export function startServiceTelemetry(options: ServiceTelemetryOptions): NodeSDK {
  const exporter = options.format === "proto" ? new ProtoExporter({ url: options.otlpUrl, compression: "gzip" as never }) : new JsonExporter({ url: options.otlpUrl });
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.service }),
    spanProcessors: [new tracing.BatchSpanProcessor(exporter, { scheduledDelayMillis: 200 })],
    instrumentations: [
      new AmqplibInstrumentation({
        useLinksForConsume: options.useLinksForConsume,
        publishHook: (span, info) => tagOrder(span, info.content),
        consumeHook: (span, info) => tagOrder(span, info.msg.content),
      }),
    ],
  });
  sdk.start();
  return sdk;
}

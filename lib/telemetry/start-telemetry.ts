import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { NodeSDK, tracing } from "@opentelemetry/sdk-node";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";
import { env } from "../env";

/**
 * Eventscope's own tracing. Spans are always created (so route spans carry context), but
 * exported only when OTEL_EXPORTER_OTLP_ENDPOINT is set; export is batched in the background
 * and never delays start-up or a request.
 */
export function startTelemetry(): NodeSDK {
  const endpoint = env().OTEL_EXPORTER_OTLP_ENDPOINT;
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: "eventscope", [ATTR_SERVICE_VERSION]: "0.1.0" }),
    // An explicit empty list stops the SDK from defaulting to an OTLP exporter on localhost.
    spanProcessors: endpoint ? [new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: new URL("/v1/traces", endpoint).toString() }))] : [],
    instrumentations: [],
  });
  sdk.start();
  return sdk;
}

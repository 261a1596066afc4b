import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { tracing } from "@opentelemetry/sdk-node";
import { expect, test } from "@playwright/test";
import { otlpPort } from "../ports";

test("an OpenTelemetry SDK given only OTEL_EXPORTER_OTLP_ENDPOINT delivers to the OTLP port (EVENTSCOPE_OTLP_PORT)", async ({ request }) => {
  // The exporter reads the endpoint from the environment when it is made, and appends /v1/traces.
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${otlpPort}`;
  const exporter = new OTLPTraceExporter();
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const provider = new tracing.BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "e2e-otlp-port" }),
    spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
  });
  const span = provider.getTracer("e2e").startSpan("checks the OTLP port", { attributes: { "order.id": "e2e-otlp-port-1" } });
  span.end();
  await provider.forceFlush();
  await provider.shutdown();

  const response = await request.get(`/api/traces/${span.spanContext().traceId}`);
  expect(response.status(), await response.text()).toBe(200);
  const trace = (await response.json()) as { spans: { serviceName: string; name: string }[]; keys: unknown[] };
  expect(trace.spans).toMatchObject([{ serviceName: "e2e-otlp-port", name: "checks the OTLP port" }]);
  expect(trace.keys).toEqual([{ key: "order.id", value: "e2e-otlp-port-1" }]);
});

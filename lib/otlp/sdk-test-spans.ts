import { context, SpanKind, SpanStatusCode, trace, type Attributes as OtelAttributes, type HrTime } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { AttributeValue, Attributes } from "./types";

/** Attributes of every type the SDK passes on, int64 values beyond 2^53 among them. */
export const everyTypeAttributes: OtelAttributes = {
  "order.id": "ord-42",
  "empty.string": "",
  "int.small": 42,
  "int.negative": -7,
  "int.max_safe": Number.MAX_SAFE_INTEGER,
  "int.huge": 2 ** 60,
  "int.huge_negative": -(2 ** 62),
  "double.value": 1.5,
  "bool.value": false,
  "string.array": ["a", "b"],
  "int.array": [1, 2, 2 ** 55],
  "double.array": [0.25, -3.75],
  "bool.array": [true, false],
};

/** Unix seconds + nanoseconds with every nanosecond digit set, so truncation shows. */
const base: HrTime = [1_700_000_000, 123_456_789];
const at = (seconds: number, nanos: number): HrTime => [base[0] + seconds, nanos];

/**
 * Finished spans from the real SDK, made with `BasicTracerProvider` and `InMemorySpanExporter`:
 * two services (one without `service.name`), a parent with children, links, events, an error
 * status, attributes of every type, and start and end times precise to the nanosecond.
 */
export function makeSdkSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const orders = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "orders", "service.version": "1.4.0", "host.cpus": 8 }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const anonymous = new BasicTracerProvider({ resource: resourceFromAttributes({ "deployment.environment": "test" }), spanProcessors: [new SimpleSpanProcessor(exporter)] });

  const tracer = orders.getTracer("@eventscope/test", "0.9.1");
  const parent = tracer.startSpan("POST /orders", { kind: SpanKind.SERVER, startTime: base, attributes: everyTypeAttributes });
  const parentContext = trace.setSpan(context.active(), parent);

  const publish = tracer.startSpan(
    "orders -> order.created send",
    {
      kind: SpanKind.PRODUCER,
      startTime: at(0, 200_000_001),
      attributes: { "messaging.system": "rabbitmq", "messaging.destination": "orders", "messaging.rabbitmq.routing_key": "order.created", "messaging.message_id": "m-1" },
      links: [{ context: parent.spanContext(), attributes: { "link.reason": "caused-by", "link.weight": 3 } }],
    },
    parentContext,
  );
  publish.addEvent("message.sent", { "message.size": 512, "message.compressed": true }, at(0, 200_000_500));
  publish.addEvent("no-attributes", undefined, at(0, 200_000_999));
  publish.end(at(0, 300_000_002));

  const failing = tracer.startSpan("charge card", { kind: SpanKind.CLIENT, startTime: at(0, 400_000_000) }, parentContext);
  failing.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
  failing.recordException(new Error("declined"), at(0, 450_000_000));
  failing.end(at(0, 500_000_000));

  parent.setStatus({ code: SpanStatusCode.OK });
  parent.end(at(1, 999_999_999));

  const other = anonymous.getTracer("other-scope");
  const lone = other.startSpan("cron tick", { kind: SpanKind.INTERNAL, startTime: at(5, 1), links: [{ context: publish.spanContext() }] });
  lone.end(at(5, 2));

  return exporter.getFinishedSpans();
}

/** Nanoseconds since the Unix epoch of an SDK `HrTime`. */
export function hrTimeToNanos(time: HrTime): bigint {
  return BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
}

/** SDK attributes as the decoder normalises them: integers beyond ±2^53 as exact decimal strings. */
export function expectedAttributes(attributes: OtelAttributes): Attributes {
  const result: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) result[key] = expectedValue(value);
  return result;
}

function expectedValue(value: unknown): AttributeValue {
  if (Array.isArray(value)) return value.map(expectedValue);
  if (typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)) return BigInt(value).toString();
  return value as AttributeValue;
}

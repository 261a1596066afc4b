import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { decodeTraceExport } from "./decode-export-request";
import { everyTypeAttributes, expectedAttributes, hrTimeToNanos, makeSdkSpans } from "./sdk-test-spans";
import type { NormalizedSpan } from "./types";

const sdkSpans = makeSdkSpans();

const formats = [
  { format: "protobuf", contentType: "application/x-protobuf", serialize: (spans: ReadableSpan[]) => ProtobufTraceSerializer.serializeRequest(spans) },
  { format: "JSON", contentType: "application/json", serialize: (spans: ReadableSpan[]) => JsonTraceSerializer.serializeRequest(spans) },
] as const;

function decodeAll(contentType: string, payload: Uint8Array | undefined): NormalizedSpan[] {
  if (!payload) throw new Error("the serializer produced nothing");
  const result = decodeTraceExport(Buffer.from(payload), contentType);
  if (!result.ok) throw new Error(result.message);
  expect(result.rejected).toEqual({ count: 0, reasons: [] });
  return result.spans;
}

describe.each(formats)("decoding what the SDK's $format serializer writes", ({ contentType, serialize }) => {
  const decoded = decodeAll(contentType, serialize(sdkSpans));
  const byId = new Map(decoded.map((span) => [span.spanId, span]));

  it("keeps every span", () => {
    expect(sdkSpans).toHaveLength(4);
    expect(decoded).toHaveLength(sdkSpans.length);
  });

  it.each(sdkSpans.map((span) => [span.name, span] as const))("matches %s field by field", (_name, original) => {
    const span = byId.get(original.spanContext().spanId);
    expect(span).toBeDefined();
    if (!span) return;
    expect(span.traceId).toBe(original.spanContext().traceId);
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(span.parentSpanId).toBe(original.parentSpanContext?.spanId ?? null);
    expect(span.name).toBe(original.name);
    expect(span.kind).toBe(original.kind + 1);
    expect(span.startTimeUnixNano).toBe(hrTimeToNanos(original.startTime));
    expect(span.endTimeUnixNano).toBe(hrTimeToNanos(original.endTime));
    expect(span.statusCode).toBe(original.status.code);
    expect(span.statusMessage).toBe(original.status.message ?? "");
    expect(span.attributes).toEqual(expectedAttributes(original.attributes));
    expect(span.resource).toEqual(expectedAttributes(original.resource.attributes));
    expect(span.scope).toEqual({ name: original.instrumentationScope.name, version: original.instrumentationScope.version ?? "" });
    expect(span.events).toEqual(
      original.events.map((event) => ({ name: event.name, timeUnixNano: hrTimeToNanos(event.time), attributes: expectedAttributes(event.attributes ?? {}) })),
    );
    expect(span.links).toEqual(
      original.links.map((link) => ({ traceId: link.context.traceId, spanId: link.context.spanId, attributes: expectedAttributes(link.attributes ?? {}) })),
    );
  });

  it("keeps the exact nanoseconds of start and end times", () => {
    const parent = decoded.find((span) => span.name === "POST /orders");
    expect(parent?.startTimeUnixNano).toBe(1_700_000_000_123_456_789n);
    expect(parent?.endTimeUnixNano).toBe(1_700_000_001_999_999_999n);
  });

  it("normalises attributes of every type, int64 beyond 2^53 as exact strings", () => {
    const parent = decoded.find((span) => span.name === "POST /orders");
    expect(parent?.attributes).toEqual({
      ...everyTypeAttributes,
      "int.huge": "1152921504606846976",
      "int.huge_negative": "-4611686018427387904",
      "int.array": [1, 2, "36028797018963968"],
    });
    expect(parent?.attributes["int.max_safe"]).toBe(9007199254740991);
  });

  it("names the service from the resource, or unknown_service", () => {
    expect(decoded.find((span) => span.name === "POST /orders")?.serviceName).toBe("orders");
    const lone = decoded.find((span) => span.name === "cron tick");
    expect(lone?.resource["service.name"] ?? "unknown_service").toMatch(/^unknown_service/);
    expect(lone?.serviceName).toMatch(/^unknown_service/);
  });

  it("classifies the producer span and leaves the others alone", () => {
    const publish = decoded.find((span) => span.kind === 4);
    expect(publish?.messaging).toMatchObject({ role: "publish", system: "rabbitmq", destination: "orders", routingKey: "order.created", messageId: "m-1" });
    expect(decoded.filter((span) => span.messaging !== null)).toHaveLength(1);
  });
});

describe("protobuf and JSON agree", () => {
  it("decode the same spans to the same values", () => {
    const [protobuf, json] = formats.map(({ contentType, serialize }) => decodeAll(contentType, serialize(sdkSpans)));
    expect(json).toEqual(protobuf);
  });
});

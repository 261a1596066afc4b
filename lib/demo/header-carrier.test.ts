import { ROOT_CONTEXT, trace, TraceFlags } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { extractContext, extractSpanContext, headerGetter, injectContext } from "./header-carrier";

const producer = { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7", traceFlags: TraceFlags.SAMPLED };

describe("trace context in message headers", () => {
  it("injects W3C traceparent beside the existing headers", () => {
    const headers = injectContext(trace.setSpanContext(ROOT_CONTEXT, producer), { "content-type": "application/json" });
    expect(headers).toEqual({ "content-type": "application/json", traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" });
  });

  it("injects nothing without a span", () => {
    expect(injectContext(ROOT_CONTEXT)).toEqual({});
  });

  it("extracts the producer's span as a remote parent", () => {
    const extracted = extractSpanContext({ traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", tracestate: "vendor=1" });
    expect(extracted).toMatchObject({ ...producer, isRemote: true });
    expect(extracted?.traceState?.get("vendor")).toBe("1");
  });

  it("reads header names in any case, as AMQP and NATS deliver them", () => {
    expect(headerGetter.get({ TraceParent: "x" }, "traceparent")).toBe("x");
    expect(extractSpanContext({ Traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00" })?.traceId).toBe(producer.traceId);
  });

  it("yields the root context for missing or malformed headers", () => {
    expect(extractContext({})).toBe(ROOT_CONTEXT);
    expect(extractSpanContext({ traceparent: "00-zz-00f067aa0ba902b7-01" })).toBeUndefined();
  });
});

import { ROOT_CONTEXT, trace, type Context, type SpanContext, type TextMapGetter, type TextMapPropagator, type TextMapSetter } from "@opentelemetry/api";
import { core } from "@opentelemetry/sdk-node";
import type { MessageHeaders } from "../brokers/types";

/**
 * Trace context in message headers, as the messaging semantic conventions ask: the producer
 * injects W3C `traceparent`/`tracestate` into the message, the consumer extracts them. The
 * propagator is an explicit instance rather than the global one, because the demo also runs as
 * a standalone process (`npm run demo`) where no SDK registers a global propagator.
 */
const propagator: TextMapPropagator = new core.W3CTraceContextPropagator();

/** Writes propagation fields into a plain header object (broker headers are strings). */
export const headerSetter: TextMapSetter<MessageHeaders> = {
  set(carrier, key, value) {
    carrier[key] = value;
  },
};

/** Reads propagation fields from broker headers, case-insensitively (AMQP and NATS keep the sender's case). */
export const headerGetter: TextMapGetter<MessageHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get(carrier, key) {
    if (key in carrier) return carrier[key];
    const wanted = key.toLowerCase();
    const found = Object.keys(carrier).find((name) => name.toLowerCase() === wanted);
    return found === undefined ? undefined : carrier[found];
  },
};

/** Headers carrying `context`'s span (none when it has no valid span). */
export function injectContext(context: Context, headers: MessageHeaders = {}): MessageHeaders {
  propagator.inject(context, headers, headerSetter);
  return headers;
}

/** The producer's context from a message's headers; ROOT_CONTEXT when they carry none. */
export function extractContext(headers: MessageHeaders): Context {
  return propagator.extract(ROOT_CONTEXT, headers, headerGetter);
}

/** The producer's span context from a message's headers, if any. */
export function extractSpanContext(headers: MessageHeaders): SpanContext | undefined {
  return trace.getSpanContext(extractContext(headers));
}

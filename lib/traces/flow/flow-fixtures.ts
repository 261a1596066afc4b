import type { FlowLink, FlowSpan } from "./flow-types";

/** Test helpers for the flow modules: spans with sensible defaults, times in ms from a fixed origin. */
export const flowOrigin = 1_763_000_000_000_000_000n;

export function at(ms: number): bigint {
  return flowOrigin + BigInt(Math.round(ms * 1_000_000));
}

export function flowSpan(overrides: Partial<FlowSpan> & { traceId: string; spanId: string; startMs?: number; endMs?: number }): FlowSpan {
  const { startMs = 0, endMs = (overrides.startMs ?? 0) + 1, ...rest } = overrides;
  return {
    parentSpanId: null,
    serviceName: "checkout",
    name: "span",
    startNano: at(startMs),
    endNano: at(endMs),
    statusCode: 0,
    statusMessage: "",
    messaging: null,
    attributes: {},
    ...rest,
  };
}

export function publishSpan(traceId: string, spanId: string, options: Partial<FlowSpan> & { startMs: number; endMs?: number; destination: string; eventType?: string; messageId?: string }): FlowSpan {
  const { destination, eventType, messageId, ...rest } = options;
  return flowSpan({
    traceId,
    spanId,
    name: `${destination} publish`,
    messaging: { role: "publish", system: "rabbitmq", destination, eventType: eventType ?? destination, messageId: messageId ?? null, consumerGroup: null },
    ...rest,
  });
}

export function consumeSpan(
  traceId: string,
  spanId: string,
  options: Partial<FlowSpan> & { startMs: number; endMs?: number; serviceName: string; destination: string; eventType?: string; messageId?: string; failed?: boolean },
): FlowSpan {
  const { destination, eventType, messageId, failed, ...rest } = options;
  return flowSpan({
    traceId,
    spanId,
    name: `${destination} process`,
    statusCode: failed ? 2 : 0,
    statusMessage: failed ? "boom" : "",
    messaging: { role: "consume", system: "rabbitmq", destination, eventType: eventType ?? destination, messageId: messageId ?? null, consumerGroup: options.serviceName },
    ...rest,
  });
}

export function link(from: FlowSpan, to: FlowSpan): FlowLink {
  return { traceId: from.traceId, spanId: from.spanId, linkedTraceId: to.traceId, linkedSpanId: to.spanId };
}

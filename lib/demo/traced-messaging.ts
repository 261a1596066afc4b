import { randomUUID } from "node:crypto";
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Link, type Span, type Tracer } from "@opentelemetry/api";
import type { MessagingClient, PublishResult, ReceivedMessage, SettleResult } from "../brokers/messaging-client";
import type { DemoEventType, DemoPayload } from "./demo-orders";
import { extractContext, injectContext } from "./header-carrier";

/**
 * Producer and consumer spans following the OpenTelemetry messaging conventions: a PRODUCER
 * span `send <destination>` around each publish, its context carried in the message headers;
 * a CONSUMER span `process <destination>` around each delivery — a child of the producer's
 * span, or the root of a new trace that links to it.
 */
export const messagingAttributes = {
  system: "messaging.system",
  operationType: "messaging.operation.type",
  operationName: "messaging.operation.name",
  destination: "messaging.destination.name",
  messageId: "messaging.message.id",
  bodySize: "messaging.message.body.size",
  consumerGroup: "messaging.consumer.group.name",
} as const;

/** Attributes Eventscope reads beyond the conventions: the catalog event type and version, and dead-lettering. */
export const demoAttributes = {
  orderId: "order.id",
  eventType: "event.type",
  eventVersion: "event.version",
  maxDeliveries: "eventscope.max_deliveries",
  deadLettered: "eventscope.dead_lettered",
  errorType: "error.type",
} as const;

/** One publish and the trace context it happens in. */
export interface TracedPublish {
  tracer: Tracer;
  broker: MessagingClient;
  /** `messaging.system`: embedded, rabbitmq, nats, redis. */
  system: string;
  destination: string;
  payload: DemoPayload;
  orderId: string;
  /** The context the publish happens in (usually a process span's); ROOT_CONTEXT starts a trace. */
  parent: Context;
  /** Other messages this one derives from (shipping joins two). */
  links?: Link[];
}

/** Publishes inside a PRODUCER span whose context travels in the message headers. */
export async function publishTraced(input: TracedPublish): Promise<PublishResult> {
  const messageId = randomUUID();
  const body = new TextEncoder().encode(JSON.stringify(input.payload.body));
  const span = input.tracer.startSpan(
    `send ${input.destination}`,
    {
      kind: SpanKind.PRODUCER,
      links: input.links,
      attributes: {
        [messagingAttributes.system]: input.system,
        [messagingAttributes.operationType]: "send",
        [messagingAttributes.operationName]: "send",
        [messagingAttributes.destination]: input.destination,
        [messagingAttributes.messageId]: messageId,
        [messagingAttributes.bodySize]: body.byteLength,
        [demoAttributes.orderId]: input.orderId,
        [demoAttributes.eventType]: input.payload.eventType,
        [demoAttributes.eventVersion]: input.payload.version,
      },
    },
    input.parent,
  );
  const headers = injectContext(trace.setSpan(input.parent, span), {
    "content-type": "application/json",
    "event-type": input.payload.eventType,
    "event-version": input.payload.version,
  });
  try {
    const result = await input.broker.publish({ destination: input.destination, payload: body, headers, key: input.orderId, messageId });
    if (result.status !== "published") markFailed(span, result.error.message, `broker.${result.error.code}`);
    return result;
  } catch (error) {
    markFailed(span, error instanceof Error ? error.message : String(error), "exception");
    throw error;
  } finally {
    span.end();
  }
}

/** Error status with the message, and `error.type` as the conventions ask. */
export function markFailed(span: Span, message: string, errorType: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message });
  span.setAttribute(demoAttributes.errorType, errorType);
}

/** A delivery as a demo handler sees it. */
export interface DemoDelivery {
  eventType: DemoEventType;
  /** The parsed JSON payload; null when it is not a JSON object. */
  body: Record<string, unknown> | null;
  orderId: string | null;
  deliveryCount: number;
  /** The process span; handlers publish under it. */
  context: Context;
  /** A link to the producer's span, when the headers carried one. */
  producerLink: Link | undefined;
}

/**
 * `done` acknowledges; `failed` negatively acknowledges, to retry after `retryInMs` until max
 * deliveries; `abandoned` (the demo is stopping) settles nothing, so the broker delivers the
 * message again after its ack timeout.
 */
export type HandlerResult = { status: "done" } | { status: "failed"; reason: string; errorType: string; retryInMs: number } | { status: "abandoned" };

/** How one consumer processes its deliveries. */
export interface TracedProcess {
  tracer: Tracer;
  system: string;
  eventType: DemoEventType;
  consumerGroup: string;
  maxDeliveries: number;
  /** Start a new trace with a link to the producer instead of continuing the producer's trace. */
  newTrace: boolean;
  handle(delivery: DemoDelivery): Promise<HandlerResult>;
}

function parseBody(payload: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(payload));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Handles one delivery inside a CONSUMER span, then acknowledges or negatively acknowledges it. */
export async function processTraced(message: ReceivedMessage, input: TracedProcess): Promise<SettleResult | { status: "abandoned" }> {
  const producerContext = extractContext(message.headers);
  const producerSpan = trace.getSpanContext(producerContext);
  const producerLink: Link | undefined = producerSpan ? { context: producerSpan } : undefined;
  const body = parseBody(message.payload);
  const orderId = typeof body?.orderId === "string" ? body.orderId : null;
  const span = input.tracer.startSpan(
    `process ${message.destination}`,
    {
      kind: SpanKind.CONSUMER,
      root: input.newTrace,
      links: input.newTrace && producerLink ? [producerLink] : [],
      attributes: {
        [messagingAttributes.system]: input.system,
        [messagingAttributes.operationType]: "process",
        [messagingAttributes.operationName]: "process",
        [messagingAttributes.destination]: message.destination,
        [messagingAttributes.messageId]: message.messageId,
        [messagingAttributes.bodySize]: message.payload.byteLength,
        [messagingAttributes.consumerGroup]: input.consumerGroup,
        [demoAttributes.eventType]: input.eventType,
        [demoAttributes.maxDeliveries]: input.maxDeliveries,
        ...(orderId ? { [demoAttributes.orderId]: orderId } : {}),
      },
    },
    input.newTrace ? ROOT_CONTEXT : producerContext,
  );
  try {
    const context = trace.setSpan(input.newTrace ? ROOT_CONTEXT : producerContext, span);
    let result: HandlerResult;
    try {
      result = await input.handle({ eventType: input.eventType, body, orderId, deliveryCount: message.deliveryCount, context, producerLink });
    } catch (error) {
      result = { status: "failed", reason: error instanceof Error ? error.message : String(error), errorType: "exception", retryInMs: 1_000 };
    }
    if (result.status === "done") return await message.ack();
    if (result.status === "abandoned") {
      span.addEvent("left for redelivery: the demo is stopping");
      return result;
    }
    markFailed(span, result.reason, result.errorType);
    if (message.deliveryCount >= input.maxDeliveries) span.setAttribute(demoAttributes.deadLettered, true);
    return await message.nack({ reason: result.reason, delayMs: result.retryInMs });
  } finally {
    span.end();
  }
}

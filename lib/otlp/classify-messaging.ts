import { SpanKind, type AttributeValue, type Attributes, type MessagingInfo, type MessagingRole } from "./types";

/** Attributes that name a message's event type, first present wins, unless configured otherwise. */
export const DEFAULT_EVENT_TYPE_ATTRIBUTES: readonly string[] = ["event.type", "messaging.message.type", "cloudevents.event_type"];

/** Options of {@link classifyMessaging}. */
export interface ClassifyMessagingOptions {
  eventTypeAttributes?: readonly string[];
}

// `messaging.operation.type` (semconv ≥ 1.26) and the older `messaging.operation` share most
// values; `publish` and `deliver` were renamed to `send` and `process` along the way.
const roleByOperation: Record<string, MessagingRole> = {
  create: "publish",
  send: "publish",
  publish: "publish",
  receive: "consume",
  process: "consume",
  deliver: "consume",
  settle: "consume",
};

const destinationAttributes = ["messaging.destination.name", "messaging.destination"];
const routingKeyAttributes = ["messaging.rabbitmq.destination.routing_key", "messaging.rabbitmq.routing_key"];
const messageIdAttributes = ["messaging.message.id", "messaging.message_id"];
const conversationIdAttributes = ["messaging.message.conversation_id", "messaging.conversation_id"];
const consumerGroupAttributes = [
  "messaging.consumer.group.name",
  "messaging.kafka.consumer.group",
  "messaging.kafka.consumer_group",
  "messaging.destination.subscription.name",
];

/**
 * What a span says about the message it publishes or consumes, under the messaging semantic
 * conventions of any version (legacy `messaging.destination` / `messaging.operation` up to the
 * `messaging.operation.type` of current ones), or null when it is no messaging span.
 *
 * The role comes from `messaging.operation.type`, else `messaging.operation`, else the span kind
 * (PRODUCER publishes, CONSUMER consumes). For RabbitMQ the destination is the exchange, as the
 * conventions define it: the `exchange:routingKey[:queue]` names of newer amqplib instrumentation
 * are cut back to the exchange, and the default exchange (empty name) yields the routing key,
 * which is then the queue.
 */
export function classifyMessaging(attributes: Attributes, kind: number, options: ClassifyMessagingOptions = {}): MessagingInfo | null {
  const operationType = text(attributes["messaging.operation.type"]);
  const legacyOperation = text(attributes["messaging.operation"]);
  const system = text(attributes["messaging.system"]);
  const kindRole: MessagingRole | null = kind === SpanKind.PRODUCER ? "publish" : kind === SpanKind.CONSUMER ? "consume" : null;

  let role: MessagingRole | null = null;
  let operation: string | null = null;
  for (const candidate of [operationType, legacyOperation]) {
    const candidateRole = candidate === null ? undefined : roleByOperation[candidate.toLowerCase()];
    if (candidate !== null && candidateRole) {
      role = candidateRole;
      operation = candidate;
      break;
    }
  }
  if (!role) {
    if (!kindRole) return null;
    role = kindRole;
    operation = operationType ?? legacyOperation ?? (kindRole === "publish" ? "send" : "process");
  }

  const routingKey = first(attributes, routingKeyAttributes);
  return {
    role,
    operation: operation ?? "",
    system,
    destination: rabbitDestination(first(attributes, destinationAttributes), routingKey),
    messageId: first(attributes, messageIdAttributes),
    consumerGroup: first(attributes, consumerGroupAttributes),
    routingKey,
    conversationId: first(attributes, conversationIdAttributes),
    eventType: first(attributes, options.eventTypeAttributes ?? DEFAULT_EVENT_TYPE_ATTRIBUTES),
  };
}

function rabbitDestination(destination: string | null, routingKey: string | null): string | null {
  if (!routingKey) return destination;
  if (destination === null || destination === "amq.default") return routingKey;
  const at = destination.indexOf(`:${routingKey}`);
  if (at > 0) {
    const after = at + routingKey.length + 1;
    if (after === destination.length || destination[after] === ":") return destination.slice(0, at);
  }
  return destination;
}

function first(attributes: Attributes, names: readonly string[]): string | null {
  for (const name of names) {
    const value = text(attributes[name]);
    if (value !== null) return value;
  }
  return null;
}

/** A scalar attribute as a non-empty string; null for anything else. */
function text(value: AttributeValue | undefined): string | null {
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

import { describe, expect, it } from "vitest";
import { classifyMessaging } from "./classify-messaging";
import { SpanKind, type Attributes, type MessagingInfo } from "./types";

const none = { system: null, destination: null, messageId: null, consumerGroup: null, routingKey: null, conversationId: null, eventType: null };

// Connection attributes as @opentelemetry/instrumentation-amqplib spreads them onto every span
// (getConnectionAttributesFromUrl / getConnectionAttributesFromServer), old and stable flavours.
const amqpConnectionOld = {
  "messaging.system": "rabbitmq",
  "messaging.protocol": "AMQP",
  "messaging.protocol_version": "0.9.1",
  "messaging.url": "amqp://user:***@rabbit:5672",
  "net.peer.name": "rabbit",
  "net.peer.port": 5672,
};
const amqpConnectionStable = {
  "messaging.system": "rabbitmq",
  "network.protocol.name": "AMQP",
  "network.protocol.version": "0.9.1",
  "network.peer.address": "rabbit",
  "network.peer.port": 5672,
  "server.address": "rabbit",
  "server.port": 5672,
};

interface Case {
  what: string;
  /** The span name the instrumentation gives such a span; documentation only. */
  spanName?: string;
  kind: number;
  attributes: Attributes;
  expected: Partial<MessagingInfo> | null;
}

const amqplibCases: Case[] = [
  {
    what: "amqplib ≤0.3x publish (legacy attributes, no operation)",
    spanName: "orders -> order.created send",
    kind: SpanKind.PRODUCER,
    attributes: {
      ...amqpConnectionOld,
      "messaging.destination": "orders",
      "messaging.destination_kind": "topic",
      "messaging.rabbitmq.routing_key": "order.created",
      "messaging.message_id": "msg-1",
      "messaging.conversation_id": "corr-1",
    },
    expected: { role: "publish", operation: "send", system: "rabbitmq", destination: "orders", routingKey: "order.created", messageId: "msg-1", conversationId: "corr-1" },
  },
  {
    what: "amqplib publish to the default exchange (sendToQueue)",
    spanName: "<default> -> orders-queue send",
    kind: SpanKind.PRODUCER,
    attributes: { ...amqpConnectionOld, "messaging.destination": "", "messaging.destination_kind": "topic", "messaging.rabbitmq.routing_key": "orders-queue" },
    expected: { role: "publish", destination: "orders-queue", routingKey: "orders-queue" },
  },
  {
    what: "amqplib legacy consume",
    spanName: "orders-queue process",
    kind: SpanKind.CONSUMER,
    attributes: {
      ...amqpConnectionOld,
      "messaging.destination": "orders",
      "messaging.destination_kind": "topic",
      "messaging.rabbitmq.routing_key": "order.created",
      "messaging.operation": "process",
      "messaging.message_id": "msg-1",
      "messaging.conversation_id": "corr-1",
    },
    expected: { role: "consume", operation: "process", system: "rabbitmq", destination: "orders", routingKey: "order.created", messageId: "msg-1", conversationId: "corr-1" },
  },
  {
    what: "amqplib 0.4x publish (server.address, legacy messaging attributes)",
    spanName: "publish orders",
    kind: SpanKind.PRODUCER,
    attributes: { ...amqpConnectionOld, "server.address": "rabbit", "messaging.destination": "orders", "messaging.destination_kind": "topic", "messaging.rabbitmq.routing_key": "order.created" },
    expected: { role: "publish", operation: "send", destination: "orders", routingKey: "order.created" },
  },
  {
    what: "amqplib stable semconv publish (exchange:routingKey destination)",
    spanName: "publish orders:order.created",
    kind: SpanKind.PRODUCER,
    attributes: {
      ...amqpConnectionStable,
      "messaging.operation.type": "send",
      "messaging.operation.name": "publish",
      "messaging.destination.name": "orders:order.created",
      "messaging.rabbitmq.destination.routing_key": "order.created",
      "messaging.message.id": "msg-2",
      "messaging.message.conversation_id": "corr-2",
      "messaging.message.body.size": 17,
    },
    expected: { role: "publish", operation: "send", system: "rabbitmq", destination: "orders", routingKey: "order.created", messageId: "msg-2", conversationId: "corr-2" },
  },
  {
    what: "amqplib stable semconv consume (exchange:routingKey:queue destination)",
    spanName: "consume orders:order.created:orders-queue",
    kind: SpanKind.CONSUMER,
    attributes: {
      ...amqpConnectionStable,
      "messaging.operation.type": "process",
      "messaging.operation.name": "consume",
      "messaging.destination.name": "orders:order.created:orders-queue",
      "messaging.rabbitmq.destination.routing_key": "order.created",
      "messaging.rabbitmq.message.delivery_tag": 1,
    },
    expected: { role: "consume", operation: "process", destination: "orders", routingKey: "order.created" },
  },
  {
    what: "amqplib stable semconv sendToQueue",
    spanName: "publish orders-queue",
    kind: SpanKind.PRODUCER,
    attributes: { ...amqpConnectionStable, "messaging.operation.type": "send", "messaging.destination.name": "orders-queue", "messaging.rabbitmq.destination.routing_key": "orders-queue" },
    expected: { role: "publish", destination: "orders-queue", routingKey: "orders-queue" },
  },
  {
    what: "amqplib stable semconv with neither exchange nor routing key",
    kind: SpanKind.PRODUCER,
    attributes: { ...amqpConnectionStable, "messaging.operation.type": "send", "messaging.destination.name": "amq.default" },
    expected: { role: "publish", destination: "amq.default", routingKey: null },
  },
  {
    what: "amqplib duplicate (old + stable) semconv publish",
    kind: SpanKind.PRODUCER,
    attributes: {
      ...amqpConnectionOld,
      ...amqpConnectionStable,
      "messaging.destination": "orders",
      "messaging.rabbitmq.routing_key": "order.created",
      "messaging.operation.type": "send",
      "messaging.destination.name": "orders:order.created",
      "messaging.rabbitmq.destination.routing_key": "order.created",
    },
    expected: { role: "publish", operation: "send", destination: "orders", routingKey: "order.created" },
  },
];

const acrossVersions: Case[] = [
  {
    what: "semconv 1.17 Kafka consumer",
    kind: SpanKind.CONSUMER,
    attributes: { "messaging.system": "kafka", "messaging.destination": "payments", "messaging.operation": "receive", "messaging.kafka.consumer_group": "billing" },
    expected: { role: "consume", operation: "receive", system: "kafka", destination: "payments", consumerGroup: "billing" },
  },
  {
    what: "semconv 1.24 Kafka producer (operation publish)",
    kind: SpanKind.PRODUCER,
    attributes: { "messaging.system": "kafka", "messaging.destination.name": "payments", "messaging.operation": "publish", "messaging.message.id": "p-1" },
    expected: { role: "publish", operation: "publish", destination: "payments", messageId: "p-1" },
  },
  {
    what: "semconv 1.24 deliver",
    kind: SpanKind.CONSUMER,
    attributes: { "messaging.system": "kafka", "messaging.operation": "deliver", "messaging.kafka.consumer.group": "billing" },
    expected: { role: "consume", operation: "deliver", consumerGroup: "billing" },
  },
  {
    what: "semconv 1.27 create on an internal span",
    kind: SpanKind.INTERNAL,
    attributes: { "messaging.system": "kafka", "messaging.operation.type": "create", "messaging.destination.name": "payments" },
    expected: { role: "publish", operation: "create" },
  },
  {
    what: "semconv 1.27+ consumer group and settle on a client span",
    kind: SpanKind.CLIENT,
    attributes: { "messaging.system": "kafka", "messaging.operation.type": "settle", "messaging.consumer.group.name": "billing" },
    expected: { role: "consume", operation: "settle", consumerGroup: "billing" },
  },
  {
    what: "subscription name as the consumer group",
    kind: SpanKind.CONSUMER,
    attributes: { "messaging.system": "gcp_pubsub", "messaging.destination.subscription.name": "sub-1" },
    expected: { role: "consume", operation: "process", consumerGroup: "sub-1" },
  },
  {
    what: "operation.type wins over the legacy operation and the kind",
    kind: SpanKind.CONSUMER,
    attributes: { "messaging.system": "kafka", "messaging.operation.type": "send", "messaging.operation": "receive" },
    expected: { role: "publish", operation: "send" },
  },
  {
    what: "an unknown operation leaves the kind to decide",
    kind: SpanKind.CONSUMER,
    attributes: { "messaging.system": "nats", "messaging.operation.type": "peek" },
    expected: { role: "consume", operation: "peek", system: "nats" },
  },
  { what: "custom system nats", kind: SpanKind.PRODUCER, attributes: { "messaging.system": "nats", "messaging.destination.name": "orders.>" }, expected: { role: "publish", system: "nats", destination: "orders.>" } },
  { what: "custom system redis", kind: SpanKind.CONSUMER, attributes: { "messaging.system": "redis", "messaging.destination.name": "stream:orders" }, expected: { role: "consume", system: "redis" } },
  { what: "custom system embedded", kind: SpanKind.PRODUCER, attributes: { "messaging.system": "embedded" }, expected: { role: "publish", system: "embedded", destination: null } },
  { what: "the kind alone", kind: SpanKind.PRODUCER, attributes: {}, expected: { role: "publish", operation: "send", ...none } },
  { what: "a system with no role", kind: SpanKind.CLIENT, attributes: { "messaging.system": "kafka" }, expected: null },
  { what: "a plain server span", kind: SpanKind.SERVER, attributes: { "http.route": "/orders" }, expected: null },
  { what: "non-string values", kind: SpanKind.CONSUMER, attributes: { "messaging.message.id": 123, "messaging.destination.name": ["a"] }, expected: { messageId: "123", destination: null } },
];

describe("classifyMessaging", () => {
  it.each([...amqplibCases, ...acrossVersions])("$what", ({ kind, attributes, expected }) => {
    const result = classifyMessaging(attributes, kind);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatchObject(expected);
  });

  it("reads the event type from the configured attributes, first present wins", () => {
    const attributes = { "messaging.system": "kafka", "cloudevents.event_type": "com.example.late", "event.type": "OrderPlaced" };
    expect(classifyMessaging(attributes, SpanKind.PRODUCER)?.eventType).toBe("OrderPlaced");
    expect(classifyMessaging({ "messaging.message.type": "OrderShipped" }, SpanKind.CONSUMER)?.eventType).toBe("OrderShipped");
    expect(classifyMessaging(attributes, SpanKind.PRODUCER, { eventTypeAttributes: ["cloudevents.event_type"] })?.eventType).toBe("com.example.late");
    expect(classifyMessaging(attributes, SpanKind.PRODUCER, { eventTypeAttributes: ["my.type", "constructor"] })?.eventType).toBeNull();
  });

  it("fills every field", () => {
    expect(classifyMessaging({ "messaging.system": "kafka", "messaging.destination.name": "t" }, SpanKind.PRODUCER)).toEqual({
      role: "publish",
      operation: "send",
      ...none,
      system: "kafka",
      destination: "t",
    });
  });
});

import { describe, expect, it } from "vitest";
import { bindingKey, resolveEventType, type CatalogBindingIndex } from "./event-type-resolver";

const index: CatalogBindingIndex = {
  names: new Set(["order.placed", "payment.failed", "order.shipped"]),
  bindings: new Map([
    [bindingKey("rabbitmq", "orders", "order.placed"), "order.placed"],
    [bindingKey("rabbitmq", "payments", ""), "payment.failed"],
    [bindingKey("nats", "ORDERS.shipped", ""), "order.shipped"],
  ]),
};

describe("resolveEventType", () => {
  it.each([
    ["an attribute naming a catalog event type", { declared: "payment.failed", system: "rabbitmq", destination: "orders", routingKey: "order.placed" }, "payment.failed"],
    ["an attribute naming an unknown type falls back to bindings", { declared: "mystery", system: "rabbitmq", destination: "orders", routingKey: "order.placed" }, "order.placed"],
    ["exchange and routing key", { declared: null, system: "rabbitmq", destination: "orders", routingKey: "order.placed" }, "order.placed"],
    ["amqp as the system", { declared: null, system: "amqp", destination: "orders", routingKey: "order.placed" }, "order.placed"],
    ["a binding without routing key", { declared: null, system: "rabbitmq", destination: "payments", routingKey: "anything" }, "payment.failed"],
    ["a NATS subject", { declared: null, system: "nats", destination: "ORDERS.shipped", routingKey: null }, "order.shipped"],
    ["a destination named like the event type", { declared: null, system: "embedded", destination: "order.placed", routingKey: null }, "order.placed"],
    ["a routing key named like the event type", { declared: null, system: "rabbitmq", destination: "amq.topic", routingKey: "order.shipped" }, "order.shipped"],
    ["nothing known", { declared: null, system: "kafka", destination: "clicks", routingKey: null }, null],
    ["no destination", { declared: null, system: "kafka", destination: null, routingKey: null }, null],
  ])("%s", (_, message, expected) => {
    expect(resolveEventType(index, message)).toBe(expected);
  });
});

import type { ChannelInterface, OperationInterface } from "@asyncapi/parser";
import type { CatalogBinding } from "../catalog-document";
import { isRecord, nonEmptyString, type JsonRecord } from "./json-value";

const brokerByProtocol: Record<string, string> = {
  amqp: "rabbitmq",
  amqps: "rabbitmq",
  kafka: "kafka",
  "kafka-secure": "kafka",
  mqtt: "mqtt",
  mqtts: "mqtt",
  "secure-mqtt": "mqtt",
  mqtt5: "mqtt",
  nats: "nats",
  redis: "redis",
};

const protocolByBroker: Record<string, string> = { rabbitmq: "amqp", kafka: "kafka", mqtt: "mqtt", nats: "nats", redis: "redis" };

/** Catalog broker kind of an AsyncAPI server protocol (`amqp` → `rabbitmq`, `kafka-secure` → `kafka`, …). */
export function brokerForProtocol(protocol: string): string {
  const normalized = protocol.trim().toLowerCase();
  return brokerByProtocol[normalized] ?? normalized;
}

/** AsyncAPI server protocol for a catalog broker kind, the inverse of {@link brokerForProtocol}. */
export function protocolForBroker(broker: string): string {
  return protocolByBroker[broker] ?? broker;
}

/**
 * The catalog bindings of one channel: one per broker its servers (or channel bindings) speak.
 * `operation` contributes AMQP routing keys (`cc`) when the channel names an exchange.
 * A channel without a known address (AsyncAPI 3 `address: null`, e.g. a dynamic reply topic)
 * has no binding unless a Kafka binding names the topic.
 */
export function channelBindings(channel: ChannelInterface, operation: OperationInterface | undefined): CatalogBinding[] {
  const protocols = new Set<string>();
  for (const server of channel.servers().all()) protocols.add(server.protocol().toLowerCase());
  for (const binding of channel.bindings().all()) protocols.add(binding.protocol().toLowerCase());
  const address = nonEmptyString(channel.address());
  const result: CatalogBinding[] = [];
  for (const protocol of protocols) {
    const broker = brokerForProtocol(protocol);
    const channelBinding = bindingValue(channel, protocol);
    if (broker === "rabbitmq") {
      result.push(...amqpBindings(channelBinding, operation ? bindingValue(operation, protocol) : {}, address));
    } else if (broker === "kafka") {
      const topic = nonEmptyString(channelBinding.topic) ?? address;
      if (topic !== undefined) result.push({ broker, destination: topic, routingKey: "" });
    } else if (address !== undefined) {
      result.push({ broker, destination: address, routingKey: "" });
    }
  }
  return result;
}

function amqpBindings(channelBinding: JsonRecord, operationBinding: JsonRecord, address: string | undefined): CatalogBinding[] {
  const exchange = isRecord(channelBinding.exchange) ? nonEmptyString(channelBinding.exchange.name) : undefined;
  if (exchange === undefined) {
    const queue = isRecord(channelBinding.queue) ? nonEmptyString(channelBinding.queue.name) : undefined;
    const destination = address ?? queue;
    return destination === undefined ? [] : [{ broker: "rabbitmq", destination, routingKey: "" }];
  }
  const cc = Array.isArray(operationBinding.cc) ? operationBinding.cc.filter((key): key is string => nonEmptyString(key) !== undefined) : [];
  const routingKeys = cc.length > 0 ? cc : [address ?? ""];
  return routingKeys.map((routingKey) => ({ broker: "rabbitmq", destination: exchange, routingKey }));
}

function bindingValue(owner: ChannelInterface | OperationInterface, protocol: string): JsonRecord {
  const binding = owner.bindings().all().find((candidate) => candidate.protocol().toLowerCase() === protocol);
  const value: unknown = binding?.value();
  return isRecord(value) ? value : {};
}

/** Sorts and de-duplicates bindings so the output does not depend on document order. */
export function normalizeBindings(bindings: Iterable<CatalogBinding>): CatalogBinding[] {
  const unique = new Map<string, CatalogBinding>();
  for (const binding of bindings) unique.set(bindingKey(binding), binding);
  return [...unique.entries()].sort(([a], [b]) => compareText(a, b)).map(([, binding]) => binding);
}

/** Identity of a binding: broker, destination and routing key. */
export function bindingKey(binding: CatalogBinding): string {
  return JSON.stringify([binding.broker, binding.destination, binding.routingKey]);
}

/** Locale-independent string order, so output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

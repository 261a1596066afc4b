import { dump } from "js-yaml";
import type { CatalogBinding, CatalogDocument, CatalogEventType } from "../catalog-document";
import { bindingKey, compareText, normalizeBindings, protocolForBroker } from "./bindings";
import { isRecord, type JsonRecord } from "./json-value";
import { serviceExtension, servicesExtension } from "./map-document";
import { domainExtension } from "./message-fields";

/** Schema formats written on exported payloads. */
export const exportSchemaFormats = {
  JSON_SCHEMA: "application/schema+json;version=draft-07",
  AVRO: "application/vnd.apache.avro+json;version=1.9.0",
} as const;

interface ChannelDraft {
  key: string;
  binding: CatalogBinding | null;
  messageKeys: string[];
}

/**
 * Writes the catalog as an AsyncAPI 3.0.0 YAML document: one channel per distinct binding, one
 * message per event type, one operation per service, event type, action and channel. Operations
 * carry `x-eventscope-service` and `info` carries `x-eventscope-services`, so that
 * {@link import("./parse-asyncapi").parseAsyncApi} gives the multi-service catalog back.
 */
export function exportAsyncApi(catalog: CatalogDocument, info: { title: string; version: string; description?: string }): string {
  const eventTypes = [...catalog.eventTypes].sort((a, b) => compareText(a.name, b.name));
  const messageKeys = new KeyAllocator();
  const channelKeys = new KeyAllocator();
  const operationKeys = new KeyAllocator();
  const channels = new Map<string, ChannelDraft>();
  const messages: JsonRecord = {};
  const operations: JsonRecord = {};

  for (const eventType of eventTypes) {
    const messageKey = messageKeys.allocate(eventType.name);
    messages[messageKey] = messageObject(eventType, messageKey);
    const eventChannels = normalizeBindings(eventType.bindings).map((binding) => {
      const id = bindingKey(binding);
      const channel = channels.get(id) ?? { key: channelKeys.allocate(channelName(binding)), binding, messageKeys: [] };
      channels.set(id, channel);
      return channel;
    });
    const roles = [
      ...[...new Set(eventType.producers)].sort(compareText).map((service) => ({ service, action: "send" as const })),
      ...[...new Set(eventType.consumers)].sort(compareText).map((service) => ({ service, action: "receive" as const })),
    ];
    if (eventChannels.length === 0 && roles.length > 0) {
      // An operation needs a channel; `address: null` marks it as having no known destination.
      const channel: ChannelDraft = { key: channelKeys.allocate(eventType.name), binding: null, messageKeys: [] };
      channels.set(`unbound:${messageKey}`, channel);
      eventChannels.push(channel);
    }
    for (const channel of eventChannels) channel.messageKeys.push(messageKey);
    for (const { service, action } of roles) {
      for (const channel of eventChannels) {
        const suffix = eventChannels.length > 1 ? ` ${channel.key}` : "";
        operations[operationKeys.allocate(`${action} ${service} ${eventType.name}${suffix}`)] = {
          action,
          channel: { $ref: `#/channels/${channel.key}` },
          messages: [{ $ref: `#/channels/${channel.key}/messages/${messageKey}` }],
          [serviceExtension]: service,
        };
      }
    }
  }

  const servers = serverObjects([...channels.values()]);
  const document: JsonRecord = {
    asyncapi: "3.0.0",
    info: infoObject(catalog, info),
    defaultContentType: "application/json",
    ...(Object.keys(servers).length > 0 ? { servers } : {}),
    ...(channels.size > 0 ? { channels: Object.fromEntries([...channels.values()].map((channel) => [channel.key, channelObject(channel, servers)])) } : {}),
    ...(Object.keys(operations).length > 0 ? { operations } : {}),
    ...(Object.keys(messages).length > 0 ? { components: { messages } } : {}),
  };
  return dump(document, { noRefs: true });
}

function infoObject(catalog: CatalogDocument, info: { title: string; version: string; description?: string }): JsonRecord {
  const services = [...catalog.services]
    .sort((a, b) => compareText(a.name, b.name))
    .map((service) => (service.description ? { name: service.name, description: service.description } : { name: service.name }));
  return {
    title: info.title,
    version: info.version,
    ...(info.description ? { description: info.description } : {}),
    [servicesExtension]: services,
  };
}

function messageObject(eventType: CatalogEventType, messageKey: string): JsonRecord {
  const example = parseJson(eventType.examplePayload);
  const schema = eventType.schema ? parseJson(eventType.schema.text) : undefined;
  return {
    name: eventType.name,
    ...(eventType.description ? { description: eventType.description } : {}),
    ...(eventType.tags.length > 0 ? { tags: [...new Set(eventType.tags)].map((name) => ({ name })) } : {}),
    ...(eventType.domain ? { [domainExtension]: eventType.domain } : {}),
    ...(eventType.schema && schema !== undefined
      ? {
          payload: {
            schemaFormat: exportSchemaFormats[eventType.schema.format],
            // Internal JSON Schema refs would otherwise resolve against the AsyncAPI document root.
            schema: eventType.schema.format === "JSON_SCHEMA" ? rebaseRefs(schema, `#/components/messages/${messageKey}/payload/schema`) : schema,
          },
        }
      : {}),
    ...(example !== undefined ? { examples: [{ payload: example }] } : {}),
  };
}

function channelObject(channel: ChannelDraft, servers: JsonRecord): JsonRecord {
  const { binding } = channel;
  const messages = Object.fromEntries(channel.messageKeys.map((key) => [key, { $ref: `#/components/messages/${key}` }]));
  if (binding === null) return { address: null, messages };
  const address = binding.broker === "rabbitmq" && binding.routingKey ? binding.routingKey : binding.destination;
  const parameterNames = [...address.matchAll(/\{([A-Za-z0-9_-]+)\}/g)].map((match) => match[1]).filter((name) => name !== undefined);
  const serverKey = Object.keys(servers).find((key) => key === serverKeyFor(binding.broker));
  return {
    address,
    ...(serverKey ? { servers: [{ $ref: `#/servers/${serverKey}` }] } : {}),
    ...(parameterNames.length > 0 ? { parameters: Object.fromEntries(parameterNames.map((name) => [name, {}])) } : {}),
    ...(binding.broker === "rabbitmq" && binding.routingKey
      ? { bindings: { amqp: { is: "routingKey", exchange: { name: binding.destination } } } }
      : {}),
    messages,
  };
}

function serverObjects(channels: ChannelDraft[]): JsonRecord {
  const brokers = [...new Set(channels.flatMap((channel) => (channel.binding ? [channel.binding.broker] : [])))].sort(compareText);
  return Object.fromEntries(brokers.map((broker) => [serverKeyFor(broker), { host: "localhost", protocol: protocolForBroker(broker) }]));
}

function serverKeyFor(broker: string): string {
  return safeKey(broker) || "server";
}

function channelName(binding: CatalogBinding): string {
  return [binding.broker, binding.destination, binding.routingKey].filter(Boolean).join(" ");
}

/** `order.placed` → `orderPlaced`: letters and digits only, which every AsyncAPI key accepts. */
export function safeKey(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1))).join("");
}

/** Hands out {@link safeKey}s, numbering repeats (`orderPlaced`, `orderPlaced2`, …). */
class KeyAllocator {
  private readonly used = new Set<string>();

  allocate(text: string): string {
    const base = safeKey(text) || "item";
    let key = base;
    for (let counter = 2; this.used.has(key); counter += 1) key = `${base}${counter}`;
    this.used.add(key);
    return key;
  }
}

function rebaseRefs(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rebaseRefs(item, base));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) =>
      key === "$ref" && typeof item === "string" && item.startsWith("#") ? [key, `${base}${item.slice(1)}`] : [key, rebaseRefs(item, base)],
    ),
  );
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

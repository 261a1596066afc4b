import type { Database } from "../../db";

export interface CatalogBindingIndex {
  /** Event type names in the catalog. */
  names: Set<string>;
  /** `broker/destination/routingKey` and `broker/destination/` → event type name. */
  bindings: Map<string, string>;
}

export interface MessageIdentity {
  /** The event type named by an attribute (event.type, messaging.message.type, …), if any. */
  declared: string | null;
  system: string | null;
  destination: string | null;
  routingKey: string | null;
}

/** messaging.system values as instrumentations write them → broker kinds as the catalog names them. */
const brokerBySystem: Record<string, string> = { rabbitmq: "rabbitmq", amqp: "rabbitmq", kafka: "kafka", nats: "nats", redis: "redis", embedded: "embedded", mqtt: "mqtt" };

/**
 * Which catalog event type a message is: the one an attribute names, else the one whose broker
 * binding matches the span's system, destination and routing key, else the one named like the
 * destination. Null when the catalog does not know it.
 */
export function resolveEventType(index: CatalogBindingIndex, message: MessageIdentity): string | null {
  if (message.declared && index.names.has(message.declared)) return message.declared;
  if (!message.destination) return null;
  const broker = message.system ? (brokerBySystem[message.system] ?? message.system) : null;
  if (broker) {
    const exact = index.bindings.get(bindingKey(broker, message.destination, message.routingKey ?? ""));
    if (exact) return exact;
    const anyKey = index.bindings.get(bindingKey(broker, message.destination, ""));
    if (anyKey) return anyKey;
  }
  if (index.names.has(message.destination)) return message.destination;
  return message.routingKey && index.names.has(message.routingKey) ? message.routingKey : null;
}

export function bindingKey(broker: string, destination: string, routingKey: string): string {
  return `${broker}\u0000${destination}\u0000${routingKey}`;
}

export async function loadCatalogBindingIndex(database: Database): Promise<CatalogBindingIndex> {
  const rows = await database.eventType.findMany({ where: { deletedAt: null }, select: { name: true, bindings: true } });
  const bindings = new Map<string, string>();
  for (const row of rows) for (const binding of row.bindings) bindings.set(bindingKey(binding.broker, binding.destination, binding.routingKey), row.name);
  return { names: new Set(rows.map((row) => row.name)), bindings };
}

/** The index, reloaded in the background at most every `maxAgeMs`, so ingestion never waits on it. */
export function cachedCatalogBindingIndex(database: Database, maxAgeMs = 10_000): () => Promise<CatalogBindingIndex> {
  let current: CatalogBindingIndex | null = null;
  let loadedAt = 0;
  let loading: Promise<CatalogBindingIndex> | null = null;
  const reload = () => {
    loading ??= loadCatalogBindingIndex(database)
      .then((index) => {
        current = index;
        loadedAt = Date.now();
        return index;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };
  return async () => {
    if (!current) return reload();
    if (Date.now() - loadedAt > maxAgeMs) void reload().catch(() => undefined);
    return current;
  };
}

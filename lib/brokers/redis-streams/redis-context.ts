import type { RedisConnection, RedisConnectionOptions } from "./redis-connection";
import type { RedisNames } from "./redis-names";

/** What every part of the Redis Streams adapter shares. */
export interface RedisContext {
  connection: RedisConnection;
  /** For the extra connection each consumer blocks on while it waits for messages. */
  connectionOptions: RedisConnectionOptions;
  names: RedisNames;
  /** How long idempotency keys and resolved-dead-letter markers are kept. */
  operationTtlSeconds: number;
  /** Consumers still open, closed with the broker. */
  consumers: Set<{ close(): Promise<void> }>;
  closing: AbortController;
}

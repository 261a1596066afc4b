import type { Broker } from "../types";
import { createRedisConnection, type RedisConnectionOptions } from "./redis-connection";
import type { RedisContext } from "./redis-context";
import { listDeadLetters, readDeadLetter } from "./redis-dead-letters";
import { publish, subscribe } from "./redis-messaging";
import { redisNames } from "./redis-names";
import { checkHealth, describe, readLag } from "./redis-readings";
import { discardDeadLetter, replayDeadLetter } from "./redis-repairs";

/** A Redis (7 or later, standalone) server whose streams are the destinations. */
export interface RedisStreamsBrokerConfig {
  kind: "redis-streams";
  /** `redis://[user:password@]host:port[/db]` or `rediss://…`; never shown back (it may carry the password). */
  url: string;
  /**
   * Prepended to every key this broker reads or writes, so several Eventscopes (or test runs)
   * can share one server; destinations are reported without it. Empty by default.
   */
  keyPrefix?: string;
  /** How long to wait for the TCP connection and handshake; 5 s by default. */
  connectTimeoutMs?: number;
  /** How long any non-blocking command may take; 10 s by default. */
  commandTimeoutMs?: number;
  /** How long idempotency keys of replays and discards are remembered; 7 days by default. */
  operationTtlSeconds?: number;
}

const defaultOperationTtlSeconds = 7 * 24 * 60 * 60;

/**
 * Redis Streams as a broker: a destination is a stream, a consumer a consumer group read with
 * XREADGROUP; a nack or an expired lease makes the entry claimable again until the group's max
 * deliveries are used, and then the mover (`redis-dead-lettering.ts`) moves it to
 * `<destination>:dlq` with its failure metadata. Replay XADDs it back; both replay and discard
 * XDEL it from the dead-letter stream, under an idempotency key kept in Redis.
 */
export function createRedisStreamsBroker(config: RedisStreamsBrokerConfig): Broker {
  const connectionOptions: RedisConnectionOptions = {
    url: config.url,
    connectTimeoutMs: config.connectTimeoutMs ?? 5_000,
    commandTimeoutMs: config.commandTimeoutMs ?? 10_000,
  };
  const context: RedisContext = {
    connection: createRedisConnection(connectionOptions),
    connectionOptions,
    names: redisNames(config.keyPrefix ?? ""),
    operationTtlSeconds: config.operationTtlSeconds ?? defaultOperationTtlSeconds,
    consumers: new Set(),
    closing: new AbortController(),
  };
  return {
    kind: "redis-streams",
    checkHealth: () => checkHealth(context),
    describe: () => describe(context),
    readLag: (query) => readLag(context, query ?? {}),
    listDeadLetters: (request) => listDeadLetters(context, request),
    readDeadLetter: (id) => readDeadLetter(context, id),
    replayDeadLetter: (request) => replayDeadLetter(context, request),
    discardDeadLetter: (request) => discardDeadLetter(context, request),
    publish: (message) => publish(context, message),
    subscribe: (options) => subscribe(context, options),
    async close() {
      context.closing.abort();
      await Promise.all([...context.consumers].map((consumer) => consumer.close()));
      await context.connection.close();
    },
  };
}

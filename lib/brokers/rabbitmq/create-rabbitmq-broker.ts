import type { Database } from "../../db";
import type { Broker, HealthResult } from "../types";
import { createRabbitConnection } from "./rabbitmq-connection";
import { listDeadLetters, readDeadLetter } from "./rabbitmq-dead-letters";
import { classifyAmqpError } from "./rabbitmq-errors";
import { publish, subscribe } from "./rabbitmq-messaging";
import { describe, readLag } from "./rabbitmq-readings";
import { discardDeadLetter, replayDeadLetter } from "./rabbitmq-repairs";
import { consumerTopology, rememberConsumer, type RabbitContext } from "./rabbitmq-topology";

/** A RabbitMQ server reached over AMQP 0-9-1 with amqplib. */
export interface RabbitmqBrokerConfig {
  kind: "rabbitmq";
  /** `amqp://user:password@host:port/vhost`; never shown back (it carries the password). */
  url: string;
  /** Holds the idempotency keys of replays and discards; owned by the caller. */
  database: Database;
  /** Distinguishes this broker's idempotency keys from other brokers' in the shared table. */
  name?: string;
  /**
   * Consumers to report on besides those subscribed through this instance: AMQP cannot list
   * queues, so a portal that only reads names the ones to watch here.
   */
  consumers?: { destination: string; consumer: string }[];
  /** How often an idle consumer asks for new messages; 100 ms by default. */
  pollIntervalMs?: number;
  /** How long to wait for the TCP connection and AMQP handshake; 5 s by default. */
  connectTimeoutMs?: number;
}

/**
 * RabbitMQ as a broker: destinations are topic exchanges, consumers durable quorum queues with
 * a dead-letter exchange and queue each (see `rabbitmq-topology.ts`), dead letters are read from
 * those queues and their `x-death` or Eventscope headers (`x-death.ts`).
 */
export function createRabbitmqBroker(config: RabbitmqBrokerConfig): Broker {
  const context: RabbitContext = {
    connection: createRabbitConnection({ url: config.url, connectTimeoutMs: config.connectTimeoutMs ?? 5_000 }),
    database: config.database,
    name: config.name ?? "rabbitmq",
    known: new Map(),
    pollIntervalMs: config.pollIntervalMs ?? 100,
    closing: new AbortController(),
  };
  for (const { destination, consumer } of config.consumers ?? []) rememberConsumer(context, consumerTopology(destination, consumer), null);
  return {
    kind: "rabbitmq",
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
      await context.connection.close();
    },
  };
}

async function checkHealth(context: RabbitContext): Promise<HealthResult> {
  const started = performance.now();
  const latencyMs = () => Math.round((performance.now() - started) * 100) / 100;
  try {
    // A round trip, not just the cached connection: a broker that went away since the last call shows as down.
    await context.connection.withChannel(async () => undefined);
    return { status: "up", latencyMs: latencyMs(), version: context.connection.version() };
  } catch (error) {
    return { status: "down", latencyMs: latencyMs(), error: classifyAmqpError(error).error };
  }
}

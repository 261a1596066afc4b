import type { Database } from "../../db";
import { failed, ok, type BrokerResult } from "../broker-result";
import type { Broker, BrokerDescription, HealthResult, LagQuery, LagReading } from "../types";
import type { EmbeddedContext } from "./embedded-context";
import { listDeadLetters, readDeadLetter } from "./embedded-dead-letters";
import { classifyDatabaseError, guarded } from "./embedded-errors";
import { publish, subscribe } from "./embedded-messaging";
import { discardDeadLetter, replayDeadLetter } from "./embedded-repairs";
import { readLagRows, type Provider } from "./embedded-sql";

/** The default broker: durable topics and subscriptions in Eventscope's own database. */
export interface EmbeddedBrokerConfig {
  kind: "embedded";
  /** Owned by the caller: closing the broker does not disconnect it. */
  database: Database;
  provider: Provider;
  /** How often an idle consumer looks for new messages; 100 ms by default. */
  pollIntervalMs?: number;
  /** Distinguishes this broker's idempotency keys from other brokers' in the shared table. */
  name?: string;
}

/**
 * At-least-once delivery from database tables: publishing commits a message and one delivery
 * per subscription; consumers lease deliveries for the subscription's ack timeout; an ack
 * deletes the delivery, a nack or an expired lease makes it claimable again until the
 * subscription's max deliveries are used, after which it becomes a dead letter.
 */
export function createEmbeddedBroker(config: EmbeddedBrokerConfig): Broker {
  const context: EmbeddedContext = {
    database: config.database,
    provider: config.provider,
    name: config.name ?? "embedded",
    pollIntervalMs: config.pollIntervalMs ?? 100,
    closing: new AbortController(),
  };
  const version = `eventscope-embedded (${config.provider})`;
  return {
    kind: "embedded",
    checkHealth: () => checkHealth(context.database, version),
    describe: () => describe(context, version),
    readLag: (query) => readLag(context, query ?? {}),
    listDeadLetters: (request) => listDeadLetters(context, request),
    readDeadLetter: (id) => readDeadLetter(context, id),
    replayDeadLetter: (request) => replayDeadLetter(context, request),
    discardDeadLetter: (request) => discardDeadLetter(context, request),
    publish: (message) => publish(context, message),
    subscribe: (options) => subscribe(context, options),
    async close() {
      context.closing.abort();
    },
  };
}

async function checkHealth(database: Database, version: string): Promise<HealthResult> {
  const started = performance.now();
  const latencyMs = () => Math.round((performance.now() - started) * 100) / 100;
  try {
    // Reading a broker table proves both the connection and the migration.
    await database.brokerTopic.count();
    return { status: "up", latencyMs: latencyMs(), version };
  } catch (error) {
    const problem = classifyDatabaseError(error) ?? failed("protocol", "the embedded broker's database failed unexpectedly");
    return { status: "down", latencyMs: latencyMs(), error: problem.error };
  }
}

async function describe(context: EmbeddedContext, version: string): Promise<BrokerResult<BrokerDescription>> {
  const { database } = context;
  const read = await guarded(() =>
    Promise.all([
      database.brokerTopic.findMany({ include: { subscriptions: { orderBy: { name: "asc" } } }, orderBy: { name: "asc" } }),
      database.brokerMessage.groupBy({ by: ["topicName"], _count: { _all: true } }),
    ]),
  );
  if (read.status !== "ok") return read;
  const [topics, depths] = read.value;
  const depthByTopic = new Map(depths.map((row) => [row.topicName, row._count._all]));
  return ok({
    kind: "embedded",
    version,
    destinations: topics.map((topic) => ({
      name: topic.name,
      kind: "topic",
      depth: depthByTopic.get(topic.name) ?? 0,
      partitions: null,
      deadLetterDestination: `${topic.name}/dead-letters`,
      consumers: topic.subscriptions.map((subscription) => ({ name: subscription.name, maxDeliveries: subscription.maxDeliveries })),
    })),
  });
}

async function readLag(context: EmbeddedContext, query: LagQuery): Promise<BrokerResult<LagReading[]>> {
  const nowMs = Date.now();
  const rows = await guarded(() => readLagRows(context.database, nowMs, { topic: query.destination, subscription: query.consumer }));
  if (rows.status !== "ok") return rows;
  const readAt = new Date(nowMs);
  return ok(
    rows.value.map((row) => ({
      destination: row.topicName,
      consumer: row.name,
      waiting: row.waiting ?? 0,
      inFlight: row.inFlight ?? 0,
      oldestWaitingAgeMs: row.oldestEnqueuedAtMs === null ? null : Math.max(0, nowMs - row.oldestEnqueuedAtMs),
      partitions: null,
      readAt,
    })),
  );
}

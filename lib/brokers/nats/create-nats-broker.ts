import type { ConnectionOptions } from "@nats-io/transport-node";
import { failed, type BrokerResult } from "../broker-result";
import type { Broker, HealthResult } from "../types";
import { createConnector } from "./nats-connection";
import { createLocks, type AdvisoryCapture, type NatsContext, type NatsHandles } from "./nats-context";
import { listDeadLetters, readDeadLetter } from "./nats-dead-letters";
import { classifyNatsError } from "./nats-errors";
import { describe, readLag } from "./nats-inspect";
import { publish, subscribe } from "./nats-messaging";
import { natsNames } from "./nats-names";
import { discardDeadLetter, replayDeadLetter } from "./nats-repairs";

/** How to reach a NATS server with JetStream enabled. */
export interface NatsBrokerConfig {
  kind: "nats";
  /** `host:port` or `nats://host:port`, one or several of a cluster. */
  servers: string | string[];
  user?: string;
  pass?: string;
  token?: string;
  /**
   * Names the adapter's own streams (`<prefix>_DLQ`, `<prefix>_ADVISORIES`, `<prefix>_OPS`), its ingest consumers and
   * the streams it creates for destinations; letters, digits, `-` and `_`. `eventscope` by default.
   */
  prefix?: string;
  /** Whose dead letters are captured; `all-streams` by default (see {@link AdvisoryCapture}). */
  captureAdvisories?: AdvisoryCapture;
  /** 2 s by default. */
  connectTimeoutMs?: number;
  /** Each JetStream API call and settle; 5 s by default. */
  requestTimeoutMs?: number;
}

/**
 * NATS JetStream: a destination is a subject, stored by a stream (one per subject when the
 * adapter creates it); consumers are durable pull consumers with `max_deliver` and `ack_wait`.
 * Dead letters live in a DLQ stream, fed by the adapter when a consumer nacks a message's last
 * allowed delivery, and from captured `MAX_DELIVERIES` / `MSG_TERMINATED` advisories for any
 * other consumer. Idempotency keys live in an operations stream on the same server.
 */
export function createNatsBroker(config: NatsBrokerConfig): Broker {
  const names = natsNames(config.prefix ?? "eventscope");
  const requestTimeoutMs = config.requestTimeoutMs ?? 5_000;
  const capture = config.captureAdvisories ?? "all-streams";
  const options: ConnectionOptions = {
    servers: config.servers,
    user: config.user,
    pass: config.pass,
    token: config.token,
    name: "eventscope",
    timeout: config.connectTimeoutMs ?? 2_000,
  };
  const connector =
    names === undefined
      ? { handles: async (): Promise<BrokerResult<NatsHandles>> => failed("misconfigured", "the NATS prefix may hold only letters, digits, - and _"), close: async () => undefined }
      : createConnector({ options, names, requestTimeoutMs });
  const context: NatsContext = {
    names: names ?? { prefix: "", dlqStream: "", dlqSubjectPrefix: "", advisoryStream: "", opsStream: "", opsSubjectPrefix: "", ingestConsumer: "" },
    capture,
    requestTimeoutMs,
    handles: () => connector.handles(),
    streamBySubject: new Map(),
    exclusive: createLocks(),
  };
  return {
    kind: "nats",
    checkHealth: () => checkHealth(context),
    describe: () => describe(context),
    readLag: (query) => readLag(context, query ?? {}),
    listDeadLetters: (request) => listDeadLetters(context, request),
    readDeadLetter: (id) => readDeadLetter(context, id),
    replayDeadLetter: (request) => replayDeadLetter(context, request),
    discardDeadLetter: (request) => discardDeadLetter(context, request),
    publish: (message) => publish(context, message),
    subscribe: (options) => subscribe(context, options),
    close: () => connector.close(),
  };
}

async function checkHealth(context: NatsContext): Promise<HealthResult> {
  const started = performance.now();
  const latencyMs = () => Math.round((performance.now() - started) * 100) / 100;
  const handles = await context.handles();
  if (handles.status !== "ok") return { status: "down", latencyMs: latencyMs(), error: handles.error };
  try {
    // A JetStream round trip, not just the socket: proves the account can use JetStream.
    await handles.value.jsm.getAccountInfo();
    return { status: "up", latencyMs: latencyMs(), version: handles.value.nc.info?.version ?? null };
  } catch (error) {
    return { status: "down", latencyMs: latencyMs(), error: classifyNatsError(error).error };
  }
}

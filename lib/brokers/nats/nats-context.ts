import type { JetStreamClient, JetStreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import type { BrokerResult } from "../broker-result";
import type { NatsNames } from "./nats-names";

/** A live connection with its JetStream clients; the adapter's bookkeeping streams exist. */
export interface NatsHandles {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/** Which consumers' advisories the adapter captures into its DLQ. */
export type AdvisoryCapture =
  /** Every stream's consumers: the portal sees dead letters of systems it did not set up. */
  | "all-streams"
  /** Only streams the adapter created (named with its prefix), so several installations can share a server. */
  | "own-streams";

/** What every part of the NATS adapter shares. */
export interface NatsContext {
  names: NatsNames;
  capture: AdvisoryCapture;
  requestTimeoutMs: number;
  /** Connects (once, then reuses) and makes sure the bookkeeping streams exist. */
  handles(): Promise<BrokerResult<NatsHandles>>;
  /** Stream name by destination subject, once known to exist. */
  streamBySubject: Map<string, string>;
  /** Serialises changes to stream configuration and advisory ingestion within this adapter. */
  exclusive<T>(lock: "streams" | "ingest", work: () => Promise<T>): Promise<T>;
}

/** A per-name chain of promises, so one piece of work of each kind runs at a time. */
export function createLocks(): NatsContext["exclusive"] {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(lock: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(lock) ?? Promise.resolve();
    const next = previous.then(work, work);
    tails.set(lock, next.catch(() => undefined));
    return next;
  };
}

import { AckPolicy, DeliverPolicy, RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import { failed, ok, type BrokerResult } from "../broker-result";
import { apiErrorCode, classifyNatsError } from "./nats-errors";
import { advisoryKinds, advisoryProbeSubject, advisorySubject, type AdvisoryKind, type NatsNames } from "./nats-names";

const day = 24 * 60 * 60 * 1_000;
const streamNotFound = 10059;
const consumerNotFound = 10014;
const subjectsOverlap = 10065;

/** Creates a stream unless one of that name exists; an existing one is left as its owner configured it. */
export async function ensureStreamExists(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    await jsm.streams.info(config.name);
  } catch (error) {
    if (apiErrorCode(error) !== streamNotFound) throw error;
    await jsm.streams.add(config);
  }
}

/**
 * The adapter's bookkeeping, created on first connect: the DLQ (its duplicate window lets a
 * dead letter written twice after a crash be stored once) and the operations stream (one
 * message per subject, written compare-and-set).
 */
export async function setUpBookkeeping(jsm: JetStreamManager, names: NatsNames): Promise<BrokerResult<void>> {
  try {
    await ensureStreamExists(jsm, {
      name: names.dlqStream,
      subjects: [`${names.dlqSubjectPrefix}.>`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: nanos(60 * 60 * 1_000),
    });
    await ensureStreamExists(jsm, {
      name: names.opsStream,
      subjects: [`${names.opsSubjectPrefix}.>`],
      storage: StorageType.File,
      max_msgs_per_subject: 1,
      max_age: nanos(30 * day),
    });
    return ok(undefined);
  } catch (error) {
    return classifyNatsError(error);
  }
}

/**
 * The streams that hold advisories, each with this adapter's durable ingest consumer (so
 * advisories published while Eventscope is down wait for it). Only one stream may store a
 * subject, so a stream that already captures a kind of advisory — another installation's,
 * or an operator's — is read rather than competed with; kinds nobody captures go to
 * `<prefix>_ADVISORIES`. Resolved on every ingest, so a capture stream deleted meanwhile is
 * replaced.
 */
export async function advisorySources(jsm: JetStreamManager, names: NatsNames): Promise<BrokerResult<string[]>> {
  try {
    const sources = new Set<string>();
    const uncaptured: AdvisoryKind[] = [];
    for (const kind of advisoryKinds) {
      const [stream] = await jsm.streams.names(advisoryProbeSubject(names, kind)).next();
      if (stream === undefined) uncaptured.push(kind);
      else sources.add(stream);
    }
    if (uncaptured.length > 0) {
      await jsm.streams.add({ name: names.advisoryStream, subjects: uncaptured.map(advisorySubject), storage: StorageType.File, max_age: nanos(7 * day) });
      sources.add(names.advisoryStream);
    }
    for (const stream of sources) await ensureIngestConsumer(jsm, names, stream);
    return ok([...sources]);
  } catch (error) {
    if (apiErrorCode(error) === subjectsOverlap) return failed("misconfigured", "a stream captures some JetStream advisories but not all of one kind; capture them whole or not at all");
    return classifyNatsError(error);
  }
}

async function ensureIngestConsumer(jsm: JetStreamManager, names: NatsNames, stream: string): Promise<void> {
  try {
    await jsm.consumers.info(stream, names.ingestConsumer);
  } catch (error) {
    if (apiErrorCode(error) !== consumerNotFound) throw error;
    await jsm.consumers.add(stream, {
      durable_name: names.ingestConsumer,
      ack_policy: AckPolicy.Explicit,
      // An adopted capture may hold days of other installations' history; what counts starts now.
      deliver_policy: DeliverPolicy.New,
      ack_wait: nanos(30_000),
    });
  }
}

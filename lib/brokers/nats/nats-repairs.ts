import { randomUUID } from "node:crypto";
import { failed, retryable, type BrokerFailure, type BrokerNotFound, type BrokerProblem } from "../broker-result";
import { replayHeaders } from "../headers";
import type { DiscardRequest, DiscardResult, ReplayRequest, ReplayResult } from "../types";
import type { NatsContext, NatsHandles } from "./nats-context";
import { messageHeader } from "./nats-dead-letter-headers";
import { ingestAdvisories } from "./nats-dead-lettering";
import { loadDeadLetter, parseDeadLetterId, type StoredDeadLetter } from "./nats-dead-letters";
import { apiErrorCode, guardedOutcome } from "./nats-errors";
import { isPublishableSubject, operationKeySubject } from "./nats-names";
import { publishAcked } from "./nats-messaging";
import { streamForSubject } from "./nats-streams";
import { claimDeadLetter, completeKey, createKey, readClaim, readKey, releaseOperation, type KeyRecord, type OperationOutcome, type RepairAction } from "./nats-operation-keys";

/**
 * Replay and discard. JetStream has no transactions, so each step is made repeatable instead:
 * the key's record is created first (with the replay's message id fixed), then the dead
 * letter is claimed for that key, then the message is published under that id (a repeat
 * within the stream's duplicate window is dropped by the server), the dead letter deleted and
 * the outcome recorded. A request interrupted anywhere is finished by its retry; a second key
 * for the same dead letter finds the claim and is refused.
 */
type Done = { status: "done"; outcome: OperationOutcome; repeated: boolean } | BrokerNotFound | BrokerProblem;

interface Operation {
  action: RepairAction;
  id: string;
  key: string;
  destination?: string;
}

const attempts = 3;

async function run(context: NatsContext, operation: Operation): Promise<Done> {
  if (operation.key.trim().length === 0) return failed("invalid", "an idempotency key is required");
  const sequence = parseDeadLetterId(operation.id);
  if (sequence === undefined) return { status: "not-found" };
  if (operation.destination !== undefined && !isPublishableSubject(operation.destination)) return failed("invalid", `"${operation.destination}" is not a subject`);
  const handles = await context.handles();
  if (handles.status !== "ok") return handles;
  const ingested = await ingestAdvisories(context, handles.value);
  if (ingested.status !== "ok") return ingested;
  return guardedOutcome(async (): Promise<Done> => {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const existing = await readKey(context, handles.value, operation.key);
      if (existing !== undefined) {
        if (existing.action !== operation.action || existing.deadLetterId !== operation.id) {
          return failed("conflict", `this idempotency key was already used to ${existing.action} dead letter ${existing.deadLetterId}`);
        }
        if (existing.outcome !== undefined) return { status: "done", outcome: existing.outcome, repeated: true };
        return finish(context, handles.value, operation, sequence, existing, undefined);
      }
      const letter = await loadDeadLetter(context, handles.value, sequence);
      if (letter === undefined) return missing(context, handles.value, sequence);
      const record: KeyRecord = { action: operation.action, deadLetterId: operation.id };
      if (operation.action === "replay") Object.assign(record, { messageId: randomUUID(), destination: operation.destination ?? letter.meta.originalSubject });
      if (await createKey(context, handles.value, operation.key, record)) return finish(context, handles.value, operation, sequence, record, letter);
    }
    return retryable("conflict", "the idempotency key is being used concurrently", 100);
  });
}

async function missing(context: NatsContext, handles: NatsHandles, sequence: number): Promise<Done> {
  const claim = await readClaim(context, handles, sequence);
  if (claim === undefined) return { status: "not-found" };
  return failed("conflict", `dead letter ${sequence} was already ${claim.action === "replay" ? "replayed" : "discarded"}`);
}

async function finish(context: NatsContext, handles: NatsHandles, operation: Operation, sequence: number, record: KeyRecord, loaded: StoredDeadLetter | undefined): Promise<Done> {
  const claim = await claimDeadLetter(context, handles, sequence, operation.key, operation.action);
  if (claim.keySubject !== operationKeySubject(context.names, operation.key)) {
    const outcome: OperationOutcome = {
      status: "failed",
      error: { code: "conflict", message: `dead letter ${sequence} was already ${claim.action === "replay" ? "replayed" : "discarded"}` },
    };
    await completeKey(context, handles, operation.key, record, outcome);
    return { status: "done", outcome, repeated: false };
  }
  const letter = loaded ?? (await loadDeadLetter(context, handles, sequence));
  let repeated = letter === undefined;
  if (letter !== undefined && record.action === "replay") {
    const published = await republish(context, handles, letter, record, operation.id);
    if (published.status !== "ok") {
      await releaseOperation(context, handles, operation.key, sequence);
      return published;
    }
    repeated = published.duplicate;
  }
  if (letter !== undefined) await deleteDeadLetter(context, handles, sequence);
  const outcome: OperationOutcome =
    record.action === "replay" ? { status: "replayed", destination: record.destination ?? "", messageId: record.messageId ?? "" } : { status: "discarded" };
  await completeKey(context, handles, operation.key, record, outcome);
  return { status: "done", outcome, repeated };
}

async function republish(context: NatsContext, handles: NatsHandles, letter: StoredDeadLetter, record: KeyRecord, id: string): Promise<{ status: "ok"; duplicate: boolean } | BrokerFailure> {
  const destination = record.destination ?? letter.meta.originalSubject;
  // Checked first because nats.js reports a publish nobody stores as "JetStream not enabled".
  if ((await streamForSubject(context, handles, destination, false)) === undefined) {
    return failed("invalid", `no stream stores subject ${destination}, so the replayed message would be lost`);
  }
  const headers = {
    ...letter.headers,
    ...(letter.meta.key === null ? {} : { [messageHeader.key]: letter.meta.key }),
    [replayHeaders.replayOf]: id,
    [replayHeaders.firstDeathAt]: String(letter.meta.firstDeathAtMs),
  };
  const ack = await publishAcked(handles, destination, letter.payload, headers, record.messageId ?? randomUUID());
  return { status: "ok", duplicate: ack.duplicate };
}

async function deleteDeadLetter(context: NatsContext, handles: NatsHandles, sequence: number): Promise<void> {
  try {
    await handles.jsm.streams.deleteMessage(context.names.dlqStream, sequence, false);
  } catch (error) {
    // Already deleted by a concurrent or interrupted run of the same operation.
    const gone = (apiErrorCode(error) === 10043 || apiErrorCode(error) === 10057) && error instanceof Error && /not found|EOF/i.test(error.message);
    if (!gone) throw error;
  }
}

/** Republishes a dead letter (PubAck-confirmed) and removes it, once per idempotency key. */
export async function replayDeadLetter(context: NatsContext, request: ReplayRequest): Promise<ReplayResult> {
  const done = await run(context, { action: "replay", id: request.id, key: request.idempotencyKey, destination: request.destination });
  if (done.status !== "done") return done;
  const { outcome, repeated } = done;
  if (outcome.status === "replayed") return { ...outcome, repeated };
  if (outcome.status === "failed") return outcome;
  return failed("conflict", "this idempotency key belongs to a discard, not a replay");
}

/** Removes a dead letter, once per idempotency key. */
export async function discardDeadLetter(context: NatsContext, request: DiscardRequest): Promise<DiscardResult> {
  const done = await run(context, { action: "discard", id: request.id, key: request.idempotencyKey });
  if (done.status !== "done") return done;
  const { outcome, repeated } = done;
  if (outcome.status === "discarded") return { status: "discarded", repeated };
  if (outcome.status === "failed") return outcome;
  return failed("conflict", "this idempotency key belongs to a replay, not a discard");
}

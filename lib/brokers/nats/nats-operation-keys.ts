import { z } from "zod";
import type { NatsContext, NatsHandles } from "./nats-context";
import { apiErrorCode } from "./nats-errors";
import { deadLetterClaimSubject, operationKeySubject } from "./nats-names";

/**
 * Idempotency keys and dead-letter claims in the operations stream: one subject per key or
 * dead letter, holding only its latest message, written compare-and-set on the subject's last
 * sequence (as JetStream KV does). A create fails when the subject already holds a record,
 * which is what makes two concurrent operations on one key — or on one dead letter — safe.
 */
export type RepairAction = "replay" | "discard";

export const operationOutcomeSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("replayed"), destination: z.string(), messageId: z.string() }),
  z.object({ status: z.literal("discarded") }),
  z.object({ status: z.literal("failed"), error: z.object({ code: z.literal("conflict"), message: z.string() }) }),
]);
export type OperationOutcome = z.infer<typeof operationOutcomeSchema>;

const keyRecordSchema = z.object({
  action: z.enum(["replay", "discard"]),
  deadLetterId: z.string(),
  /** Fixed before anything is published, so a resumed replay publishes under the same `Nats-Msg-Id`. */
  messageId: z.string().optional(),
  destination: z.string().optional(),
  /** Absent while the operation is under way (or was interrupted). */
  outcome: operationOutcomeSchema.optional(),
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

const claimSchema = z.object({ action: z.enum(["replay", "discard"]), keySubject: z.string() });
export type Claim = z.infer<typeof claimSchema>;

const wrongLastSequence = 10071;

async function readLatest<T>(context: NatsContext, handles: NatsHandles, subject: string, schema: z.ZodType<T>): Promise<T | undefined> {
  let message;
  try {
    message = await handles.jsm.streams.getMessage(context.names.opsStream, { last_by_subj: subject });
  } catch (error) {
    if (apiErrorCode(error) === 10037) return undefined;
    throw error;
  }
  if (message === null) return undefined;
  const parsed = schema.safeParse(message.json());
  if (!parsed.success) throw new Error(`the operations stream holds a malformed record on ${subject}`);
  return parsed.data;
}

/** Writes only if the subject holds nothing yet; false when something got there first. */
async function create(handles: NatsHandles, subject: string, record: unknown): Promise<boolean> {
  try {
    await handles.js.publish(subject, JSON.stringify(record), { expect: { lastSubjectSequence: 0 } });
    return true;
  } catch (error) {
    if (apiErrorCode(error) === wrongLastSequence) return false;
    throw error;
  }
}

/** The record of an idempotency key, if the key was used. */
export function readKey(context: NatsContext, handles: NatsHandles, key: string): Promise<KeyRecord | undefined> {
  return readLatest(context, handles, operationKeySubject(context.names, key), keyRecordSchema);
}

/** Records a new operation under a key; false when the key was taken meanwhile. */
export function createKey(context: NatsContext, handles: NatsHandles, key: string, record: KeyRecord): Promise<boolean> {
  return create(handles, operationKeySubject(context.names, key), record);
}

/** Records the outcome; the subject keeps only this latest record. */
export async function completeKey(context: NatsContext, handles: NatsHandles, key: string, record: KeyRecord, outcome: OperationOutcome): Promise<void> {
  await handles.js.publish(operationKeySubject(context.names, key), JSON.stringify({ ...record, outcome }));
}

/** Forgets an operation that did not happen (a publish the broker refused), so it can be retried. */
export async function releaseOperation(context: NatsContext, handles: NatsHandles, key: string, deadLetterId: number): Promise<void> {
  for (const filter of [operationKeySubject(context.names, key), deadLetterClaimSubject(context.names, deadLetterId)]) {
    await handles.jsm.streams.purge(context.names.opsStream, { filter });
  }
}

/** Claims a dead letter for the operation under `key`; returns the claim that holds it. */
export async function claimDeadLetter(context: NatsContext, handles: NatsHandles, deadLetterId: number, key: string, action: RepairAction): Promise<Claim> {
  const subject = deadLetterClaimSubject(context.names, deadLetterId);
  const mine: Claim = { action, keySubject: operationKeySubject(context.names, key) };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await create(handles, subject, mine)) return mine;
    const held = await readClaim(context, handles, deadLetterId);
    if (held !== undefined) return held;
  }
  throw new Error(`the claim on dead letter ${deadLetterId} kept changing`);
}

/** Which operation, if any, owns a dead letter. */
export function readClaim(context: NatsContext, handles: NatsHandles, deadLetterId: number): Promise<Claim | undefined> {
  return readLatest(context, handles, deadLetterClaimSubject(context.names, deadLetterId), claimSchema);
}

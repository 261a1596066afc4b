import { randomUUID } from "node:crypto";
import { z } from "zod";
import { failed, type BrokerFailure, type BrokerNotFound } from "../broker-result";
import { parseHeadersJson, replayHeaders } from "../headers";
import type { DiscardRequest, DiscardResult, ReplayRequest, ReplayResult } from "../types";
import type { EmbeddedContext } from "./embedded-context";
import { parseDeadLetterId } from "./embedded-dead-letters";
import { guardedOutcome } from "./embedded-errors";
import { insertMessage } from "./embedded-messaging";
import type { Executor } from "./embedded-sql";

/**
 * Replay and discard, each one transaction: the idempotency key, the dead letter's new status
 * and (for a replay) the republished message commit together or not at all. So a retried
 * request either finds its key with the first outcome, or finds nothing done — never a
 * publish without a key or a key without its publish.
 */
type Action = "replay" | "discard";

const outcomeSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("replayed"), destination: z.string(), messageId: z.string() }),
  z.object({ status: z.literal("discarded") }),
  z.object({ status: z.literal("not-found") }),
  z.object({ status: z.literal("failed"), error: z.object({ code: z.literal("conflict"), message: z.string() }) }),
]);
type Outcome = z.infer<typeof outcomeSchema>;

/** Thrown inside a transaction to roll it back and answer with `result`. */
class Rollback {
  constructor(readonly result: BrokerFailure) {}
}

async function claimKey(tx: Executor, context: EmbeddedContext, key: string, action: Action, deadLetterId: string): Promise<Outcome | BrokerFailure | undefined> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "BrokerOperationKey" ("broker", "key", "action", "deadLetterId", "outcome", "createdAtMs")
    VALUES (${context.name}, ${key}, ${action}, ${deadLetterId}, '{}', ${BigInt(Date.now())})
    ON CONFLICT DO NOTHING`;
  if (inserted === 1) return undefined;
  const existing = await tx.brokerOperationKey.findUnique({ where: { broker_key: { broker: context.name, key } } });
  if (existing === null) throw new Error("an idempotency key vanished inside its transaction");
  if (existing.action !== action || existing.deadLetterId !== deadLetterId) {
    return failed("conflict", `idempotency key ${key} was already used to ${existing.action} dead letter ${existing.deadLetterId}`);
  }
  const outcome = outcomeSchema.safeParse(JSON.parse(existing.outcome));
  return outcome.success ? outcome.data : failed("conflict", `idempotency key ${key} has no recorded outcome`);
}

async function resolveOutcome(tx: Executor, context: EmbeddedContext, key: string, outcome: Outcome): Promise<Outcome> {
  await tx.brokerOperationKey.update({ where: { broker_key: { broker: context.name, key } }, data: { outcome: JSON.stringify(outcome) } });
  return outcome;
}

/** Marks a waiting dead letter resolved; explains why not when it is missing or already resolved. */
async function resolveDeadLetter(tx: Executor, id: number, status: "REPLAYED" | "DISCARDED", replayedMessageId: string | null): Promise<Outcome | undefined> {
  const updated = await tx.brokerDeadLetter.updateMany({
    where: { id, status: "WAITING" },
    data: { status, resolvedAtMs: BigInt(Date.now()), replayedMessageId },
  });
  if (updated.count === 1) return undefined;
  const current = await tx.brokerDeadLetter.findUnique({ where: { id }, select: { status: true } });
  if (current === null) return { status: "not-found" };
  return { status: "failed", error: { code: "conflict", message: `dead letter ${id} was already ${current.status.toLowerCase()}` } };
}

function emptyKey(key: string): BrokerFailure | undefined {
  return key.trim().length === 0 ? failed("invalid", "an idempotency key is required") : undefined;
}

export async function replayDeadLetter(context: EmbeddedContext, request: ReplayRequest): Promise<ReplayResult> {
  const invalid = emptyKey(request.idempotencyKey);
  if (invalid !== undefined) return invalid;
  const id = parseDeadLetterId(request.id);
  if (id === undefined) return { status: "not-found" };
  return guardedOutcome(async () => {
    try {
      return await context.database.$transaction(async (tx) => {
        const previous = await claimKey(tx, context, request.idempotencyKey, "replay", request.id);
        if (previous !== undefined) return asReplayResult(previous, true);
        const messageId = randomUUID();
        const unresolved = await resolveDeadLetter(tx, id, "REPLAYED", messageId);
        if (unresolved !== undefined) return asReplayResult(await resolveOutcome(tx, context, request.idempotencyKey, unresolved), false);
        const letter = await tx.brokerDeadLetter.findUniqueOrThrow({ where: { id } });
        const destination = request.destination ?? letter.topicName;
        const headers = { ...parseHeadersJson(letter.headers), [replayHeaders.replayOf]: request.id, [replayHeaders.firstDeathAt]: String(letter.firstDeathAtMs) };
        const nowMs = Date.now();
        const deliveries = await insertMessage(tx, { id: messageId, topic: destination, payload: letter.payload, headers, key: letter.key }, nowMs);
        if (deliveries === 0) throw new Rollback(failed("invalid", `destination ${destination} has no subscription to receive the replayed message`));
        return asReplayResult(await resolveOutcome(tx, context, request.idempotencyKey, { status: "replayed", destination, messageId }), false);
      });
    } catch (error) {
      if (error instanceof Rollback) return error.result;
      throw error;
    }
  });
}

export async function discardDeadLetter(context: EmbeddedContext, request: DiscardRequest): Promise<DiscardResult> {
  const invalid = emptyKey(request.idempotencyKey);
  if (invalid !== undefined) return invalid;
  const id = parseDeadLetterId(request.id);
  if (id === undefined) return { status: "not-found" };
  return guardedOutcome(() =>
    context.database.$transaction(async (tx) => {
      const previous = await claimKey(tx, context, request.idempotencyKey, "discard", request.id);
      if (previous !== undefined) return asDiscardResult(previous, true);
      const outcome = (await resolveDeadLetter(tx, id, "DISCARDED", null)) ?? { status: "discarded" as const };
      return asDiscardResult(await resolveOutcome(tx, context, request.idempotencyKey, outcome), false);
    }),
  );
}

function asReplayResult(outcome: Outcome | BrokerFailure, repeated: boolean): ReplayResult {
  if (outcome.status === "replayed") return { ...outcome, repeated };
  return asCommon(outcome, "replay");
}

function asDiscardResult(outcome: Outcome | BrokerFailure, repeated: boolean): DiscardResult {
  if (outcome.status === "discarded") return { status: "discarded", repeated };
  return asCommon(outcome, "discard");
}

function asCommon(outcome: Outcome | BrokerFailure, action: Action): BrokerNotFound | BrokerFailure {
  if (outcome.status === "not-found") return outcome;
  if (outcome.status === "failed") return outcome;
  return failed("conflict", `the idempotency key belongs to a ${outcome.status === "replayed" ? "replay" : "discard"}, not a ${action}`);
}

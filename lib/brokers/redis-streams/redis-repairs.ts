import { randomUUID } from "node:crypto";
import { z } from "zod";
import { failed, type BrokerFailure, type BrokerNotFound } from "../broker-result";
import type { DiscardRequest, DiscardResult, ReplayRequest, ReplayResult } from "../types";
import { runScript, withRedisOutcome } from "./redis-connection";
import type { RedisContext } from "./redis-context";
import { readDeadLetterEntry } from "./redis-dead-letters";
import { replayFields } from "./redis-entries";
import { parseDeadLetterId } from "./redis-names";
import { discardScript, replayScript } from "./redis-scripts";

/**
 * Replay and discard, each one Lua script: the idempotency key's record, the removal of the
 * dead letter and (for a replay) the XADD happen together or not at all, so a repeated request
 * finds its key with the first outcome, or finds nothing done — never a second publish.
 */
const operationSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("replay"), deadLetterId: z.string(), destination: z.string(), messageId: z.string() }),
  z.object({ action: z.literal("discard"), deadLetterId: z.string() }),
]);
type Operation = z.infer<typeof operationSchema>;

const previousSchema = z.tuple([z.literal("previous"), z.array(z.string())]);
const missingSchema = z.tuple([z.literal("missing"), z.string()]);
const replayReplySchema = z.union([previousSchema, missingSchema, z.tuple([z.literal("no-destination")]), z.tuple([z.literal("replayed"), z.string()])]);
const discardReplySchema = z.union([previousSchema, missingSchema, z.tuple([z.literal("discarded")])]);

/** An HGETALL reply, flat as Lua hands it over, as a recorded operation. */
export function parseOperation(flat: string[]): Operation | undefined {
  const record: Record<string, string> = {};
  for (let index = 0; index + 1 < flat.length; index += 2) record[flat[index]!] = flat[index + 1]!;
  const parsed = operationSchema.safeParse(record);
  return parsed.success ? parsed.data : undefined;
}

function keyProblem(key: string): BrokerFailure | undefined {
  return key.trim().length === 0 ? failed("invalid", "an idempotency key is required") : undefined;
}

/** The answer to a request whose key was used before: the first outcome again, or a conflict. */
function previousOutcome(flat: string[], action: Operation["action"], request: { id: string; idempotencyKey: string }): Operation | BrokerFailure {
  const operation = parseOperation(flat);
  if (operation === undefined) return failed("conflict", `idempotency key ${request.idempotencyKey} has no readable recorded outcome`);
  if (operation.action !== action || operation.deadLetterId !== request.id) {
    return failed("conflict", `idempotency key ${request.idempotencyKey} was already used to ${operation.action} dead letter ${operation.deadLetterId}`);
  }
  return operation;
}

function missingOutcome(marker: string, id: string): BrokerNotFound | BrokerFailure {
  return marker === "" ? { status: "not-found" } : failed("conflict", `dead letter ${id} was already ${marker}`);
}

export async function replayDeadLetter(context: RedisContext, request: ReplayRequest): Promise<ReplayResult> {
  const invalid = keyProblem(request.idempotencyKey);
  if (invalid !== undefined) return invalid;
  const id = parseDeadLetterId(request.id);
  if (id === undefined) return { status: "not-found" };
  if (request.destination !== undefined && request.destination.length === 0) return failed("invalid", "the replay destination is empty");
  const { names } = context;
  return withRedisOutcome(context.connection, async (client): Promise<ReplayResult> => {
    const found = await readDeadLetterEntry(client, context, request.id);
    if (found === "protocol") return failed("protocol", "Redis answered XRANGE with something unexpected");
    // Even when the dead letter is gone the script runs: it answers a repeated key with its first outcome.
    const destination = request.destination ?? found?.letter.summary.originalDestination ?? "";
    const replay = found === undefined ? { fields: [], messageId: "" } : replayFields(found.letter, found.entry, randomUUID());
    const reply = replayReplySchema.safeParse(
      await runScript(
        client,
        replayScript,
        [names.deadLetterStream(id.destination), names.operation(request.idempotencyKey), names.resolved(request.id), names.stream(destination)],
        [id.entryId, request.id, destination, replay.messageId ?? "", context.operationTtlSeconds, ...replay.fields],
      ),
    );
    if (!reply.success) return failed("protocol", "Redis answered the replay script with something unexpected");
    switch (reply.data[0]) {
      case "previous": {
        const previous = previousOutcome(reply.data[1], "replay", request);
        if ("status" in previous) return previous;
        if (previous.action !== "replay") return failed("conflict", `idempotency key ${request.idempotencyKey} belongs to a discard`);
        return { status: "replayed", destination: previous.destination, messageId: previous.messageId, repeated: true };
      }
      case "missing":
        return missingOutcome(reply.data[1], request.id);
      case "no-destination":
        return failed("invalid", `destination ${destination} does not exist: there is no stream to replay into`);
      case "replayed":
        return { status: "replayed", destination, messageId: reply.data[1], repeated: false };
    }
  });
}

export async function discardDeadLetter(context: RedisContext, request: DiscardRequest): Promise<DiscardResult> {
  const invalid = keyProblem(request.idempotencyKey);
  if (invalid !== undefined) return invalid;
  const id = parseDeadLetterId(request.id);
  if (id === undefined) return { status: "not-found" };
  const { names } = context;
  return withRedisOutcome(context.connection, async (client): Promise<DiscardResult> => {
    const reply = discardReplySchema.safeParse(
      await runScript(
        client,
        discardScript,
        [names.deadLetterStream(id.destination), names.operation(request.idempotencyKey), names.resolved(request.id)],
        [id.entryId, request.id, context.operationTtlSeconds],
      ),
    );
    if (!reply.success) return failed("protocol", "Redis answered the discard script with something unexpected");
    switch (reply.data[0]) {
      case "previous": {
        const previous = previousOutcome(reply.data[1], "discard", request);
        return "status" in previous ? previous : { status: "discarded", repeated: true };
      }
      case "missing":
        return missingOutcome(reply.data[1], request.id);
      case "discarded":
        return { status: "discarded", repeated: false };
    }
  });
}

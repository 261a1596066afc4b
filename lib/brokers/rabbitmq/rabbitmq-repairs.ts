import { randomUUID } from "node:crypto";
import type { GetMessage } from "amqplib";
import { failed, isProblem, retryable, type BrokerFailure, type BrokerNotFound, type BrokerProblem } from "../broker-result";
import { replayHeaders } from "../headers";
import type { DeadLetter, DiscardRequest, DiscardResult, ReplayRequest, ReplayResult } from "../types";
import { headersForRepublish } from "./amqp-headers";
import { isNotFound } from "./rabbitmq-errors";
import { parseDeadLetterId, withDeadLetter } from "./rabbitmq-dead-letters";
import type { RabbitContext } from "./rabbitmq-topology";
import { operationKeys, type Action, type FinalOutcome, type KeyRow } from "./operation-keys";
import { parseDeathRecord } from "./x-death";

/**
 * Replay and discard under an idempotency key. The order is: claim the key, claim the dead
 * letter, take the dead letter from its queue, publish with confirmation (replay), acknowledge
 * the dead letter, record the outcome. A failure before the publish releases both claims so
 * the request can be retried; a key left pending by a process that died mid-way is answered
 * with `conflict`, because whether it published is unknown and publishing twice is worse.
 */
const staleAfterMs = 60_000;
const waitForPendingMs = 10_000;

type Answer = FinalOutcome | BrokerProblem;

function conflict(message: string): BrokerFailure {
  return failed("conflict", message);
}

/** What a key already used answers, or why it cannot be used for this request. */
function answerForExisting(row: KeyRow | undefined, key: string, action: Action, deadLetterId: string): Answer {
  if (row === undefined) return retryable("conflict", "a request with this idempotency key failed meanwhile; try again", 200);
  if (row.action !== action || row.deadLetterId !== deadLetterId) return conflict(`idempotency key ${key} was already used to ${row.action} dead letter ${row.deadLetterId}`);
  if (row.outcome.status !== "pending") return row.outcome;
  if (Date.now() - row.createdAtMs > staleAfterMs) {
    return conflict(`an earlier ${action} under idempotency key ${key} was interrupted; check its destination before acting on this dead letter again`);
  }
  return retryable("conflict", `a ${action} under idempotency key ${key} is still running`, 500);
}

/**
 * Runs `act` on dead letter `id` at most once per key and once per dead letter; `repeated` is
 * true when the answer comes from an earlier call.
 */
async function once(
  context: RabbitContext,
  key: string,
  action: Action,
  id: string,
  act: (letter: DeadLetter, message: GetMessage) => Promise<{ remove: boolean; result: FinalOutcome | BrokerFailure }>,
): Promise<{ answer: Answer | BrokerNotFound; repeated: boolean }> {
  const keys = operationKeys(context.database);
  const lockBroker = `${context.name}/dead-letters`;
  try {
    if (!(await keys.claim(context.name, key, action, id))) {
      return { answer: answerForExisting(await keys.awaitResolved(context.name, key, waitForPendingMs), key, action, id), repeated: true };
    }
    if (!(await keys.claim(lockBroker, id, action, id))) {
      const holder = await keys.read(lockBroker, id);
      if (holder === undefined || holder.outcome.status === "pending") {
        await keys.forget(context.name, key);
        return { answer: conflict(`dead letter ${id} is being ${holder?.action ?? "handled"}ed under another idempotency key`), repeated: false };
      }
      const outcome: FinalOutcome = holder.outcome.status === "failed" ? holder.outcome : { status: "failed", error: { code: "conflict", message: `dead letter ${id} was already ${holder.outcome.status}` } };
      await keys.resolve(context.name, key, outcome);
      return { answer: outcome, repeated: false };
    }
    const done = await withDeadLetter(context, id, (letter, message) => act(letter, message));
    const answer: Answer | BrokerNotFound = done.status === "ok" ? done.value : done;
    if (answer.status === "not-found" || answer.status === "replayed" || answer.status === "discarded") {
      await keys.resolve(context.name, key, answer);
      if (answer.status === "not-found") await keys.forget(lockBroker, id);
      else await keys.resolve(lockBroker, id, answer);
    } else {
      await keys.forget(lockBroker, id);
      await keys.forget(context.name, key);
    }
    return { answer, repeated: false };
  } catch {
    // Only the database calls above throw: AMQP failures are outcomes already.
    return { answer: retryable("unreachable", "the database that holds idempotency keys failed", 1_000), repeated: false };
  }
}

function invalidRequest(key: string): BrokerFailure | undefined {
  return key.trim().length === 0 ? failed("invalid", "an idempotency key is required") : undefined;
}

/** Where a replay goes: the original exchange and routing key, or the chosen destination. */
function replayRoute(letter: DeadLetter, message: GetMessage, destination: string | undefined): { exchange: string; routingKey: string; destination: string } {
  if (destination !== undefined) return { exchange: destination, routingKey: letter.key ?? destination, destination };
  const death = parseDeathRecord(message.properties.headers);
  const exchange = death?.originalExchange ?? letter.originalDestination;
  const routingKey = death?.originalRoutingKey || letter.originalDestination;
  return { exchange, routingKey, destination: letter.originalDestination };
}

async function republish(context: RabbitContext, letter: DeadLetter, message: GetMessage, request: ReplayRequest): Promise<{ remove: boolean; result: FinalOutcome | BrokerFailure }> {
  const route = replayRoute(letter, message, request.destination);
  if (route.exchange !== "") {
    try {
      await context.connection.withChannel((channel) => channel.checkExchange(route.exchange));
    } catch (error) {
      if (isNotFound(error)) return { remove: false, result: failed("invalid", `destination ${route.destination} does not exist`) };
      throw error;
    }
  }
  const messageId = randomUUID();
  const { contentType, contentEncoding, correlationId, type, appId } = message.properties;
  const published = await context.connection.publishConfirmed(route.exchange, route.routingKey, message.content, {
    messageId,
    mandatory: true,
    persistent: true,
    timestamp: Math.floor(Date.now() / 1_000),
    headers: { ...headersForRepublish(message.properties.headers), [replayHeaders.replayOf]: letter.id, [replayHeaders.firstDeathAt]: String(letter.firstDeathAt.getTime()) },
    ...(contentType === undefined ? {} : { contentType }),
    ...(contentEncoding === undefined ? {} : { contentEncoding }),
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(type === undefined ? {} : { type }),
    ...(appId === undefined ? {} : { appId }),
  });
  if (published === "unroutable") return { remove: false, result: failed("invalid", `no queue is bound to ${route.destination} to receive the replayed message`) };
  return { remove: true, result: { status: "replayed", destination: route.destination, messageId } };
}

/** Republishes a dead letter with publisher confirmation, then removes it from its queue. */
export async function replayDeadLetter(context: RabbitContext, request: ReplayRequest): Promise<ReplayResult> {
  const invalid = invalidRequest(request.idempotencyKey);
  if (invalid !== undefined) return invalid;
  if (parseDeadLetterId(request.id) === undefined) return { status: "not-found" };
  const { answer, repeated } = await once(context, request.idempotencyKey, "replay", request.id, (letter, message) => republish(context, letter, message, request));
  if (answer.status === "replayed") return { ...answer, repeated };
  return asCommon(answer, "replay");
}

/** Removes a dead letter from its queue. */
export async function discardDeadLetter(context: RabbitContext, request: DiscardRequest): Promise<DiscardResult> {
  const invalid = invalidRequest(request.idempotencyKey);
  if (invalid !== undefined) return invalid;
  if (parseDeadLetterId(request.id) === undefined) return { status: "not-found" };
  const { answer, repeated } = await once(context, request.idempotencyKey, "discard", request.id, async () => ({ remove: true, result: { status: "discarded" } }));
  if (answer.status === "discarded") return { status: "discarded", repeated };
  return asCommon(answer, "discard");
}

function asCommon(answer: Answer | BrokerNotFound, action: Action): BrokerNotFound | BrokerProblem {
  if (answer.status === "not-found" || isProblem(answer)) return answer as BrokerNotFound | BrokerProblem;
  return conflict(`the idempotency key belongs to a ${answer.status === "replayed" ? "replay" : "discard"}, not a ${action}`);
}

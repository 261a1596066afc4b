import { parseHeadersJson, payloadText, replayHeaders } from "../headers";
import type { DeadLetterCause } from "../types";
import type { Executor, TakenRow } from "./embedded-sql";

export interface DeadLetterContext {
  topicName: string;
  subscriptionName: string;
  cause: DeadLetterCause;
  /** Used when the delivery carries no error of its own (e.g. its last lease timed out). */
  fallbackReason: string;
  nowMs: number;
}

/**
 * Stores taken deliveries as dead letters, each with its own copy of the message, then drops
 * messages no subscription still needs. Call inside the transaction that took the deliveries:
 * the dead letter's id is the delivery's, so a delivery is dead-lettered at most once.
 */
export async function storeDeadLetters(database: Executor, rows: TakenRow[], context: DeadLetterContext): Promise<void> {
  if (rows.length === 0) return;
  const messageIds = [...new Set(rows.map((row) => row.messageId))];
  const messages = new Map((await database.brokerMessage.findMany({ where: { id: { in: messageIds } } })).map((message) => [message.id, message]));
  const data = rows.flatMap((row) => {
    const message = messages.get(row.messageId);
    if (message === undefined) return [];
    const headers = parseHeadersJson(message.headers) ?? {};
    const firstDeath = Number(headers[replayHeaders.firstDeathAt]);
    const reason = row.lastError ?? context.fallbackReason;
    return [
      {
        id: row.id,
        topicName: context.topicName,
        subscriptionName: context.subscriptionName,
        messageId: message.id,
        key: message.key,
        payload: message.payload,
        headers: message.headers,
        payloadSearch: payloadText(message.payload)?.toLowerCase() ?? "",
        cause: context.cause,
        reason,
        reasonSearch: reason.toLowerCase(),
        deliveryCount: row.deliveryCount,
        firstDeathAtMs: BigInt(Number.isSafeInteger(firstDeath) && firstDeath > 0 ? firstDeath : context.nowMs),
        lastDeathAtMs: BigInt(context.nowMs),
      },
    ];
  });
  await database.brokerDeadLetter.createMany({ data });
  await database.brokerMessage.deleteMany({ where: { id: { in: messageIds }, deliveries: { none: {} } } });
}

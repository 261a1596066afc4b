import { expect } from "vitest";
import type { BrokerResult } from "../broker-result";
import type { Consumer, ReceivedMessage } from "../messaging-client";
import type { Broker, DeadLetterSummary } from "../types";

/** Helpers for the contract suite: unwrap results loudly and wait for brokers that settle asynchronously. */
export function value<T>(result: BrokerResult<T>): T {
  if (result.status !== "ok") throw new Error(`expected ok, got ${result.status}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
export const decode = (payload: Uint8Array): string => new TextDecoder().decode(payload);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Repeats `check` until it stops throwing or `timeoutMs` passes, then throws its last error. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await sleep(100);
    }
  }
}

/** Receives until `count` messages arrived or `timeoutMs` passed; returns what arrived. */
export async function receiveUpTo(consumer: Consumer, count: number, timeoutMs: number): Promise<ReceivedMessage[]> {
  const received: ReceivedMessage[] = [];
  const deadline = Date.now() + timeoutMs;
  while (received.length < count) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    received.push(...value(await consumer.receive({ max: count - received.length, waitMs: Math.min(remaining, 1_000) })));
  }
  return received;
}

export async function publishText(broker: Broker, destination: string, text: string, headers: Record<string, string> = {}): Promise<string> {
  const result = await broker.publish({ destination, payload: encode(text), headers });
  if (result.status !== "published") throw new Error(`publish failed: ${result.error.code} ${result.error.message}`);
  return result.messageId;
}

/** Publishes `text` and nacks it until the consumer (subscribed with maxDeliveries) gives up on it. */
export async function makeDeadLetter(broker: Broker, consumer: Consumer, text: string, reason: string, maxDeliveries: number, timeoutMs: number): Promise<string> {
  const messageId = await publishText(broker, consumer.destination, text, { "x-contract": "dead" });
  for (let attempt = 1; attempt <= maxDeliveries; attempt += 1) {
    const [message] = await receiveUpTo(consumer, 1, timeoutMs);
    expect(message, `delivery ${attempt} of ${text}`).toBeDefined();
    expect(message?.messageId).toBe(messageId);
    expect((await message!.nack({ reason })).status).toBe("settled");
  }
  return messageId;
}

/** Waits for the dead letters of `destination` to number `count` and returns them. */
export async function deadLettersOf(broker: Broker, destination: string, count: number, timeoutMs: number): Promise<DeadLetterSummary[]> {
  return eventually(async () => {
    const page = value(await broker.listDeadLetters({ filter: { destination }, limit: 100 }));
    expect(page.items).toHaveLength(count);
    return page.items;
  }, timeoutMs);
}

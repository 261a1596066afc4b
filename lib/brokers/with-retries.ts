import type { BrokerAdapter } from "./types";

/**
 * Retries with exponential backoff and jitter, as a wrapper, so adapters stay single-shot.
 * Only `retryable` outcomes are repeated; replay and discard are safe to repeat because they
 * carry an idempotency key.
 */
export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Replaceable in tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Returns [0, 1); replaceable in tests. */
  random?: () => number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 5_000 };

/**
 * The wait before retry number `retry` (1 for the first): exponential, capped, with jitter in
 * the upper half so that callers that failed together do not retry together, and never less
 * than the broker asked for.
 */
export function backoffDelay(retry: number, retryInMs: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const jittered = Math.round(exponential / 2 + (exponential / 2) * random());
  return Math.max(retryInMs, jittered);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `operation` until it returns something other than `retryable` or the attempts run out. */
export async function retryOperation<R extends { status: string }>(operation: () => Promise<R>, policy: RetryPolicy = defaultRetryPolicy): Promise<R> {
  const sleep = policy.sleep ?? realSleep;
  let result = await operation();
  for (let retry = 1; retry < policy.attempts; retry += 1) {
    if (result.status !== "retryable") return result;
    const retryInMs = "retryInMs" in result && typeof result.retryInMs === "number" ? result.retryInMs : 0;
    await sleep(backoffDelay(retry, retryInMs, policy, policy.random));
    result = await operation();
  }
  return result;
}

/** The same adapter with every read and repair retried under `policy`; health is reported as is. */
export function withRetries(adapter: BrokerAdapter, policy: RetryPolicy = defaultRetryPolicy): BrokerAdapter {
  return {
    kind: adapter.kind,
    checkHealth: () => adapter.checkHealth(),
    describe: () => retryOperation(() => adapter.describe(), policy),
    readLag: (query) => retryOperation(() => adapter.readLag(query), policy),
    listDeadLetters: (request) => retryOperation(() => adapter.listDeadLetters(request), policy),
    readDeadLetter: (id) => retryOperation(() => adapter.readDeadLetter(id), policy),
    replayDeadLetter: (request) => retryOperation(() => adapter.replayDeadLetter(request), policy),
    discardDeadLetter: (request) => retryOperation(() => adapter.discardDeadLetter(request), policy),
    close: () => adapter.close(),
  };
}

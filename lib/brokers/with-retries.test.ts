import { describe, expect, it } from "vitest";
import { failed, retryable } from "./broker-result";
import type { BrokerAdapter, ReplayResult } from "./types";
import { backoffDelay, retryOperation, withRetries, type RetryPolicy } from "./with-retries";

function policy(sleeps: number[]): RetryPolicy {
  return { attempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, random: () => 1, sleep: async (ms) => void sleeps.push(ms) };
}

describe("backoffDelay", () => {
  const base: RetryPolicy = { attempts: 10, baseDelayMs: 100, maxDelayMs: 1_000 };

  it("doubles per retry up to the cap, with jitter in the upper half", () => {
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, 0, base, () => 1))).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoffDelay(3, 0, base, () => 0)).toBe(200);
  });

  it("never waits less than the broker asked for", () => {
    expect(backoffDelay(1, 2_500, base, () => 0)).toBe(2_500);
  });
});

describe("retryOperation", () => {
  it("repeats retryable outcomes and returns the first other one", async () => {
    const sleeps: number[] = [];
    const outcomes = [retryable("unreachable", "down", 0), retryable("unreachable", "down", 300), { status: "ok" as const, value: 1 }];
    const result = await retryOperation(async () => outcomes.shift()!, policy(sleeps));
    expect(result).toEqual({ status: "ok", value: 1 });
    expect(sleeps).toEqual([100, 300]);
  });

  it("does not repeat a failure", async () => {
    let calls = 0;
    const result = await retryOperation(async () => ((calls += 1), failed("unauthorized", "no")), policy([]));
    expect(result.status).toBe("failed");
    expect(calls).toBe(1);
  });

  it("gives up after the attempts and returns the last retryable outcome", async () => {
    let calls = 0;
    const sleeps: number[] = [];
    const result = await retryOperation(async () => ((calls += 1), retryable("unreachable", "down", 0)), policy(sleeps));
    expect(result.status).toBe("retryable");
    expect(calls).toBe(4);
    expect(sleeps).toEqual([100, 200, 400]);
  });
});

describe("withRetries", () => {
  it("retries replays (safe under their idempotency key) but reports health as it is", async () => {
    const replays: ReplayResult[] = [retryable("unreachable", "down", 0), { status: "replayed", destination: "d", messageId: "m", repeated: true }];
    let healthCalls = 0;
    const adapter = {
      kind: "embedded",
      checkHealth: async () => ((healthCalls += 1), { status: "down", latencyMs: 1, error: { code: "unreachable", message: "down" } }),
      replayDeadLetter: async () => replays.shift()!,
    } as unknown as BrokerAdapter;
    const retried = withRetries(adapter, policy([]));
    expect(await retried.replayDeadLetter({ id: "1", idempotencyKey: "k" })).toMatchObject({ status: "replayed" });
    expect((await retried.checkHealth()).status).toBe("down");
    expect(healthCalls).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { nanosToMs, summarizeTraces, type TraceFacts } from "./summarize-traces";

const t0 = 1_763_000_000_000_000_000n;

function facts(): TraceFacts {
  return {
    totals: [
      { traceId: "a", spanCount: 3, startNano: t0, endNano: t0 + 12_500_000n },
      { traceId: "b", spanCount: 1, startNano: t0 + 1_000_000_000n, endNano: t0 + 1_002_000_000n },
    ],
    roots: [
      { traceId: "a", serviceName: "payment", name: "late orphan", startNano: t0 + 5n, parentSpanId: "ffffffffffffffff" },
      { traceId: "a", serviceName: "checkout", name: "POST /orders", startNano: t0 + 10n, parentSpanId: null },
      { traceId: "b", serviceName: "worker", name: "tick", startNano: t0 + 1_000_000_000n, parentSpanId: "eeeeeeeeeeeeeeee" },
    ],
    services: [
      { traceId: "a", serviceName: "payment" },
      { traceId: "a", serviceName: "checkout" },
      { traceId: "b", serviceName: "worker" },
    ],
    errorTraceIds: ["a"],
    keys: [
      { traceId: "a", key: "order.id", value: "7", startNano: t0 + 2n },
      { traceId: "a", key: "order.id", value: "1042", startNano: t0 + 3n },
    ],
  };
}

describe("summarizeTraces", () => {
  it("summarises each trace, newest first, with its root, services, error flag and keys", () => {
    const [newest, older] = summarizeTraces(facts());
    expect(newest).toMatchObject({ traceId: "b", rootService: "worker", rootName: "tick", spanCount: 1, durationMs: 2, error: false, keys: {} });
    expect(older).toEqual({
      traceId: "a",
      rootService: "checkout",
      rootName: "POST /orders",
      startTime: new Date(Number(t0 / 1_000_000n)).toISOString(),
      startTimeUnixNano: t0.toString(),
      durationMs: 12.5,
      spanCount: 3,
      services: ["checkout", "payment"],
      error: true,
      keys: { "order.id": "7" },
    });
  });

  it("prefers the searched value of a key the trace carries several times", () => {
    const [, a] = summarizeTraces(facts(), { preferredKey: { key: "order.id", value: "1042" } });
    expect(a?.keys).toEqual({ "order.id": "1042" });
  });

  it("applies duration, error and start-time filters", () => {
    expect(summarizeTraces(facts(), { minMs: 5 }).map((trace) => trace.traceId)).toEqual(["a"]);
    expect(summarizeTraces(facts(), { maxMs: 5 }).map((trace) => trace.traceId)).toEqual(["b"]);
    expect(summarizeTraces(facts(), { error: true }).map((trace) => trace.traceId)).toEqual(["a"]);
    expect(summarizeTraces(facts(), { fromNano: t0 + 1n }).map((trace) => trace.traceId)).toEqual(["b"]);
    expect(summarizeTraces(facts(), { toNano: t0 }).map((trace) => trace.traceId)).toEqual(["a"]);
  });

  it("falls back to the earliest span when no root was received", () => {
    const [b] = summarizeTraces(facts());
    expect(b?.rootService).toBe("worker");
  });

  it("converts nanoseconds to milliseconds at µs precision", () => {
    expect(nanosToMs(1_234_567n)).toBe(1.234);
    expect(nanosToMs(0n)).toBe(0);
  });
});

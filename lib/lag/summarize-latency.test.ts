import { describe, expect, it } from "vitest";
import { percentile, summarizeLatency } from "./summarize-latency";

describe("percentile", () => {
  it.each([
    [[], 50, 0],
    [[5], 95, 5],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
  ])("%j p%i = %i", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe("summarizeLatency", () => {
  it("groups by event type and consumer, in milliseconds, slowest first", () => {
    const ms = (value: number) => BigInt(Math.round(value * 1e6));
    const summary = summarizeLatency([
      { eventType: "order.placed", consumer: "payment", latencyNano: ms(2), failed: false },
      { eventType: "order.placed", consumer: "payment", latencyNano: ms(4), failed: true },
      { eventType: "order.placed", consumer: "email", latencyNano: ms(900), failed: false },
    ]);
    expect(summary).toEqual([
      { eventType: "order.placed", consumer: "email", messages: 1, failed: 0, p50Ms: 900, p95Ms: 900, maxMs: 900 },
      { eventType: "order.placed", consumer: "payment", messages: 2, failed: 1, p50Ms: 2, p95Ms: 4, maxMs: 4 },
    ]);
  });
});

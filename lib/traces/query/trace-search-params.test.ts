import { describe, expect, it, vi } from "vitest";
import { readTraceSearchParams, traceSearchQuerySchema, traceSearchQueryString } from "./trace-search-params";

describe("traceSearchQuerySchema", () => {
  it("parses every filter, with times as nanoseconds from ISO or ms", () => {
    const parsed = traceSearchQuerySchema.parse({
      service: "checkout",
      eventType: "order.placed",
      key: "order.id",
      value: "1042",
      attr: "http.route:/orders/:id",
      minMs: "1.5",
      maxMs: "250",
      error: "true",
      from: "2025-11-13T02:13:20Z",
      to: "1763000000500",
      limit: "10",
    });
    expect(parsed).toMatchObject({
      service: "checkout",
      eventType: "order.placed",
      key: "order.id",
      value: "1042",
      attr: { key: "http.route", value: "/orders/:id" },
      minMs: 1.5,
      maxMs: 250,
      error: true,
      fromNano: 1_763_000_000_000_000_000n,
      toNano: 1_763_000_000_500_000_000n,
      limit: 10,
    });
  });

  it("ignores blank fields as an HTML form sends them, and defaults the limit", () => {
    const parsed = traceSearchQuerySchema.parse({ service: "", minMs: "", from: "", error: "" });
    expect(parsed).toMatchObject({ service: undefined, minMs: undefined, fromNano: undefined, error: false, limit: 50 });
  });

  it("rejects what it cannot read", () => {
    expect(traceSearchQuerySchema.safeParse({ from: "yesterday" }).success).toBe(false);
    expect(traceSearchQuerySchema.safeParse({ from: "now-1y" }).success).toBe(false);
    expect(traceSearchQuerySchema.safeParse({ attr: "no-colon" }).success).toBe(false);
    expect(traceSearchQuerySchema.safeParse({ value: "1042" }).success).toBe(false);
    expect(traceSearchQuerySchema.safeParse({ minMs: "-1" }).success).toBe(false);
    expect(traceSearchQuerySchema.safeParse({ limit: "5000" }).success).toBe(false);
  });
});

describe("trace search URLs", () => {
  it("reads the first value of each known parameter and writes them back in a stable order", () => {
    const params = readTraceSearchParams({ value: "1042", key: ["order.id", "x"], service: "  ", other: "y" });
    expect(params).toEqual({ key: "order.id", value: "1042" });
    expect(traceSearchQueryString(params)).toBe("?key=order.id&value=1042");
    expect(traceSearchQueryString({})).toBe("");
  });

  it("reads instants relative to the time of the search", () => {
    vi.useFakeTimers({ now: new Date("2026-01-02T12:00:00Z") });
    try {
      const parsed = traceSearchQuerySchema.parse({ from: "now-15m", to: "now" });
      expect(parsed.fromNano).toBe(BigInt(Date.parse("2026-01-02T11:45:00Z")) * 1_000_000n);
      expect(parsed.toNano).toBe(BigInt(Date.parse("2026-01-02T12:00:00Z")) * 1_000_000n);
      expect(traceSearchQuerySchema.parse({ from: "NOW - 2d" }).fromNano).toBe(BigInt(Date.parse("2025-12-31T12:00:00Z")) * 1_000_000n);
      expect(traceSearchQuerySchema.parse({ from: "now-1.5h" }).fromNano).toBe(BigInt(Date.parse("2026-01-02T10:30:00Z")) * 1_000_000n);
    } finally {
      vi.useRealTimers();
    }
  });
});

import { describe, expect, it } from "vitest";
import { formatCount, formatDurationNano, formatInstant, unixNanoToDate } from "./units";

describe("formatDurationNano", () => {
  it.each([
    [0n, "0 ns"],
    [999n, "999 ns"],
    [1_500n, "1.50 µs"],
    [12_345_678n, "12.3 ms"],
    [250_000_000n, "250 ms"],
    [3_200_000_000n, "3.20 s"],
  ])("%s ns → %s", (nanos, text) => {
    expect(formatDurationNano(nanos)).toBe(text);
  });
});

describe("instants", () => {
  it("converts Unix nanoseconds to a Date without losing milliseconds", () => {
    expect(unixNanoToDate(1_700_000_000_123_456_789n).toISOString()).toBe("2023-11-14T22:13:20.123Z");
  });
  it("formats in UTC", () => {
    expect(formatInstant(new Date("2026-01-02T03:04:05.678Z"))).toBe("2026-01-02 03:04:05 UTC");
  });
});

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount(5_000)).toBe("5,000");
    expect(formatCount(999)).toBe("999");
  });
});

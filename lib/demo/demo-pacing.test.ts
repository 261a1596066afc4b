import { describe, expect, it } from "vitest";
import { defaultTiming, workBounds } from "./demo-services";
import { nextGapMs } from "./run-demo";

describe("the demo's pace", () => {
  it("keeps inventory at 1–3 s per message at the default 20 orders a minute", () => {
    expect(workBounds(defaultTiming.inventory, 3_000, 1)).toEqual([1_000, 3_000]);
  });

  it("shortens the slow consumer's work at higher rates so that its lag stays bounded", () => {
    const [minMs, maxMs] = workBounds(defaultTiming.inventory, 1_000, 1);
    expect((minMs + maxMs) / 2).toBeCloseTo(700);
    expect(workBounds(defaultTiming.payment, 1_000, 8)).toEqual([...defaultTiming.payment]);
  });

  it("spaces orders by the configured rate on average, never more than four gaps apart", () => {
    let state = 1;
    const random = () => ((state = (state * 48_271) % 2_147_483_647) - 1) / 2_147_483_646;
    const gaps = Array.from({ length: 20_000 }, () => nextGapMs(3_000, random));
    const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    expect(mean).toBeGreaterThan(2_800);
    expect(mean).toBeLessThan(3_100);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(12_000);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0);
  });
});

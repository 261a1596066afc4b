import { describe, expect, it } from "vitest";
import { barGeometry, minBarWidthPct, serviceColorIndex, serviceColors, timeTicks, visibleWindow } from "./waterfall-math";

describe("barGeometry", () => {
  it("places a bar in percent of the trace", () => {
    expect(barGeometry(25n, 75n, 0n, 100n)).toEqual({ leftPct: 25, widthPct: 50 });
  });
  it("keeps tiny and zero-length spans visible, inside the track", () => {
    expect(barGeometry(100n, 100n, 0n, 100n)).toEqual({ leftPct: 100 - minBarWidthPct, widthPct: minBarWidthPct });
    expect(barGeometry(0n, 0n, 0n, 0n)).toEqual({ leftPct: 0, widthPct: minBarWidthPct });
  });
  it("clamps a span reaching past the trace's end", () => {
    expect(barGeometry(50n, 500n, 0n, 100n)).toEqual({ leftPct: 50, widthPct: 50 });
  });
});

describe("timeTicks", () => {
  it("splits the duration evenly", () => {
    expect(timeTicks(1_000n, 4)).toEqual([0n, 250n, 500n, 750n, 1_000n]);
  });
});

describe("visibleWindow", () => {
  it("renders only the rows in view, plus overscan", () => {
    expect(visibleWindow({ scrollTop: 2_400, viewportHeight: 480, rowHeight: 24, rowCount: 5_000, overscan: 5 })).toEqual({ first: 95, last: 125 });
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 480, rowHeight: 24, rowCount: 3 })).toEqual({ first: 0, last: 2 });
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 480, rowHeight: 24, rowCount: 0 })).toEqual({ first: 0, last: -1 });
  });
});

describe("service colours", () => {
  it("are stable per name and within the palette", () => {
    expect(serviceColorIndex("checkout")).toBe(serviceColorIndex("checkout"));
    const indexes = ["checkout", "payment", "inventory", "shipping", "notification"].map(serviceColorIndex);
    expect(indexes.every((index) => index >= 0 && index < 10)).toBe(true);
    expect(new Set(indexes).size).toBeGreaterThan(2);
  });

  it("give the services of one view colours of their own, moving the later of two that share a slot", () => {
    // checkout and shipping hash to the same slot.
    expect(serviceColorIndex("shipping")).toBe(serviceColorIndex("checkout"));
    const colorOf = serviceColors(["shipping", "checkout", "email", "inventory", "payment", "checkout"]);
    const colors = ["checkout", "email", "inventory", "payment", "shipping"].map(colorOf);
    expect(new Set(colors).size).toBe(5);
    expect(colorOf("checkout")).toBe(`var(--svc-${serviceColorIndex("checkout")})`);
    expect(colorOf("shipping")).not.toBe(colorOf("checkout"));
    // Alone, a service keeps its own slot; one the view does not know gets its own slot too.
    expect(serviceColors(["shipping"])("shipping")).toBe(`var(--svc-${serviceColorIndex("shipping")})`);
    expect(colorOf("search")).toBe(`var(--svc-${serviceColorIndex("search")})`);
  });

  it("share slots only once every slot is taken", () => {
    const names = (count: number) => Array.from({ length: count }, (_, index) => `service-${index}`);
    expect(new Set(names(10).map(serviceColors(names(10)))).size).toBe(10);
    expect(new Set(names(12).map(serviceColors(names(12)))).size).toBe(10);
  });
});

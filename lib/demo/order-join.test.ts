import { describe, expect, it } from "vitest";
import { createOrderJoin, createRecentMap } from "./order-join";

describe("the shipping join", () => {
  it("completes when both halves arrive, in either order, and ignores redeliveries", () => {
    const join = createOrderJoin<string>({ maxOrders: 10, ttlMs: 60_000 });
    expect(join.offer("ord_1", "payment", "p1", 0)).toEqual({ status: "waiting" });
    expect(join.offer("ord_1", "payment", "p1-again", 1)).toEqual({ status: "waiting" });
    expect(join.offer("ord_2", "inventory", "i2", 2)).toEqual({ status: "waiting" });
    expect(join.waiting).toBe(2);
    expect(join.offer("ord_1", "inventory", "i1", 3)).toEqual({ status: "complete", other: "p1" });
    expect(join.offer("ord_1", "inventory", "i1", 4)).toEqual({ status: "duplicate" });
    expect(join.offer("ord_2", "payment", "p2", 5)).toEqual({ status: "complete", other: "i2" });
    expect(join.waiting).toBe(0);
  });

  it("forgets halves whose other half does not come, by age and by count", () => {
    const join = createOrderJoin<string>({ maxOrders: 2, ttlMs: 1_000 });
    join.offer("ord_1", "inventory", "i1", 0);
    expect(join.offer("ord_1", "payment", "p1", 2_000)).toEqual({ status: "waiting" });
    join.offer("ord_2", "inventory", "i2", 2_000);
    join.offer("ord_3", "inventory", "i3", 2_001);
    expect(join.waiting).toBe(2);
    expect(join.offer("ord_1", "inventory", "i1", 2_002)).toEqual({ status: "waiting" });
    expect(join.offer("ord_3", "payment", "p3", 2_003)).toEqual({ status: "complete", other: "i3" });
  });

  it("waits again after a completion is restored", () => {
    const join = createOrderJoin<string>({ maxOrders: 10, ttlMs: 60_000 });
    join.offer("ord_1", "payment", "p1", 0);
    expect(join.offer("ord_1", "inventory", "i1", 1).status).toBe("complete");
    join.restore("ord_1", "payment", "p1", 2);
    expect(join.offer("ord_1", "inventory", "i1", 3)).toEqual({ status: "complete", other: "p1" });
  });
});

describe("the recent map", () => {
  it("keeps the most recently set keys", () => {
    const map = createRecentMap<number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 3);
    map.set("c", 4);
    expect([map.get("a"), map.get("b"), map.get("c")]).toEqual([3, undefined, 4]);
  });
});

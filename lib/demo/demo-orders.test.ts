import { describe, expect, it } from "vitest";
import { validateExample } from "../registry/validate-example";
import { demoEventTypes } from "./demo-catalog";
import {
  creditLimitCents,
  driftFor,
  generateOrder,
  inventoryReserved,
  isUndeliverable,
  orderCancelled,
  orderPlaced,
  orderShipped,
  settlePayment,
  type DemoPayload,
} from "./demo-orders";

/** A seeded generator (mulberry32), so every run of the test sees the same orders. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function check(payload: DemoPayload) {
  const eventType = demoEventTypes.find((candidate) => candidate.name === payload.eventType)!;
  const version = eventType.versions.find((candidate) => candidate.label === payload.version)!;
  expect(version, `${payload.eventType} ${payload.version} is in the catalog`).toBeDefined();
  return validateExample("JSON_SCHEMA", version.schema, JSON.stringify(payload.body));
}

const now = new Date("2026-11-01T10:00:00Z");
const orders = Array.from({ length: 400 }, (_, sequence) => generateOrder(sequence, now, seeded(sequence + 1)));

describe("the demo's orders", () => {
  it("match their catalog schema, except the ones picked to drift", () => {
    for (const order of orders) {
      const placed = orderPlaced(order);
      expect(check(placed).valid, JSON.stringify(placed)).toBe(order.drift === "none");
    }
  });

  it("drift for about 3% of orders, both ways, and early in a run", () => {
    const drifted = orders.filter((order) => order.drift !== "none");
    expect(drifted.length / orders.length).toBeGreaterThan(0.02);
    expect(drifted.length / orders.length).toBeLessThan(0.04);
    expect(new Set(drifted.map((order) => order.drift))).toEqual(new Set(["missing-currency", "extra-field"]));
    expect(orders.slice(0, 10).some((order) => order.drift !== "none")).toBe(true);
    expect(orderPlaced(orders.find((order) => order.drift === "missing-currency")!).body).not.toHaveProperty("currency");
    expect(orderPlaced(orders.find((order) => order.drift === "extra-field")!).body).toHaveProperty("giftWrap", true);
    expect(driftFor(5)).not.toBe("none");
  });

  it("use version 1.1.0 exactly when a coupon is applied", () => {
    for (const order of orders) expect(orderPlaced(order).version).toBe(order.couponCode ? "1.1.0" : "1.0.0");
    expect(orders.filter((order) => order.couponCode).length).toBe(100);
  });

  it("go to an undeliverable customer one time in 25, starting with the third order", () => {
    expect(orders.filter((order) => isUndeliverable(order.customerId)).map((order) => order.sequence).slice(0, 3)).toEqual([2, 27, 52]);
    expect(isUndeliverable("cus_42")).toBe(false);
    expect(isUndeliverable("cus_905")).toBe(true);
    expect(isUndeliverable("not-a-customer")).toBe(false);
  });

  it("are declined by payment one time in ten, the same way on every delivery", () => {
    const declined = orders.filter((order) => order.totalCents > creditLimitCents);
    expect(declined.map((order) => order.sequence).slice(0, 3)).toEqual([4, 14, 24]);
    const first = settlePayment(declined[0]!.orderId, declined[0]!.totalCents, now, seeded(1));
    expect(first.eventType).toBe("payment.failed");
    expect(settlePayment(declined[0]!.orderId, declined[0]!.totalCents, now, seeded(2))).toEqual(first);
    expect(settlePayment(orders[0]!.orderId, orders[0]!.totalCents, now, seeded(1)).eventType).toBe("payment.processed");
  });

  it("lead to follow-up events that match their schemas", () => {
    const random = seeded(7);
    const orderId = orders[0]!.orderId;
    expect(orderId).toMatch(/^ord_[0-9a-z]+$/);
    for (const payload of [
      settlePayment(orderId, 2_500, now, random),
      settlePayment(orderId, creditLimitCents + 1, now, random),
      inventoryReserved(orderId, now, random),
      orderShipped(orderId, now, random),
      orderCancelled(orderId, "payment failed: declined", now),
    ]) {
      expect(check(payload), payload.eventType).toEqual({ valid: true });
    }
  });
});

import { describe, expect, it } from "vitest";
import { expectedDeliveries, expectedOrderFlow } from "./expected-flow";
import { topicMatches, topologyFor } from "./order-routing";

const topology = topologyFor("t");

describe("the order system's routing table", () => {
  it.each([
    ["*.order.placed", "checkout.order.placed", true],
    ["*.order.placed", "order.placed", false],
    ["#", "payment.payment.processed", true],
    ["payment.#", "payment", true],
    ["a.#.d", "a.b.c.d", true],
    ["a.*.d", "a.b.c.d", false],
  ])("topic pattern %s matches %s: %s", (pattern, key, matches) => {
    expect(topicMatches(pattern, key)).toBe(matches);
  });

  it("sends a plain order through payment, inventory, shipping and notification", () => {
    const flow = expectedOrderFlow("o-1001", topology);
    expect(flow.services).toEqual(["checkout", "payment", "inventory", "shipping", "notification"]);
    expect(flow.hops.every((hop) => hop.outcome === "ok")).toBe(true);
    expect(flow.edges).toContainEqual({ from: "inventory", to: null, eventType: "inventory.reserved", destination: "t.orders", count: 1, deadLetter: false });
  });

  it("dead-letters an order ending in 7 twice and routes both copies to the dead-letter office", () => {
    const flow = expectedOrderFlow("o-1007", topology);
    expect(flow.hops.filter((hop) => hop.outcome === "dead-lettered").map((hop) => hop.consumer)).toEqual(["inventory", "shipping"]);
    expect(flow.edges.filter((edge) => edge.deadLetter).map((edge) => [edge.from, edge.to, edge.eventType])).toEqual([
      ["checkout", "dead-letter-office", "order.placed"],
      ["payment", "dead-letter-office", "payment.processed"],
    ]);
    expect(flow.services).not.toContain("notification");
  });

  it("counts the deliveries each consumer settles", () => {
    expect(Object.fromEntries(expectedDeliveries(["o-1001", "o-1003"], topology))).toEqual({ payment: 2, inventory: 2, shipping: 1, notification: 2 });
  });
});

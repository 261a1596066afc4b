import { describe, expect, it } from "vitest";
import { advisoryProbeSubject, advisorySubject, dlqSubjectFor, isOwnStream, isConsumerName, isInternalStream, isPublishableSubject, natsNames, operationKeySubject, originalSubjectOf, streamNameFor } from "./nats-names";

const names = natsNames("eventscope")!;

describe("NATS names", () => {
  it("derive every bookkeeping name from the prefix, and refuse a prefix that cannot be part of a name", () => {
    expect(names).toMatchObject({ dlqStream: "eventscope_DLQ", advisoryStream: "eventscope_ADVISORIES", opsStream: "eventscope_OPS", dlqSubjectPrefix: "eventscope.dlq" });
    for (const prefix of ["", "a.b", "a b", "a*", "x".repeat(33)]) expect(natsNames(prefix)).toBeUndefined();
    expect(isInternalStream(names, "eventscope_OPS")).toBe(true);
    expect(isInternalStream(names, "eventscope_orders")).toBe(false);
  });

  it("name a destination's stream after its subject, keeping subjects that differ only in dots apart", () => {
    expect(streamNameFor(names, "orders-placed")).toBe("eventscope_orders-placed");
    const dotted = streamNameFor(names, "orders.placed");
    expect(dotted).toMatch(/^eventscope_orders_placed_[0-9a-f]{8}$/);
    expect(streamNameFor(names, "orders_placed")).not.toBe(dotted);
  });

  it("map a subject to its DLQ subject and back", () => {
    expect(dlqSubjectFor(names, "orders.placed")).toBe("eventscope.dlq.orders.placed");
    expect(originalSubjectOf(names, "eventscope.dlq.orders.placed")).toBe("orders.placed");
    expect(originalSubjectOf(names, "eventscope.dlq.")).toBeUndefined();
    expect(originalSubjectOf(names, "orders.placed")).toBeUndefined();
  });

  it("accept only literal subjects and simple consumer names", () => {
    expect(isPublishableSubject("orders.placed")).toBe(true);
    for (const subject of ["", "orders.*", "orders.>", "orders..placed", "orders placed", ".orders"]) expect(isPublishableSubject(subject)).toBe(false);
    expect(isConsumerName("payment-service_1")).toBe(true);
    for (const name of ["", "a.b", "a*", "a b"]) expect(isConsumerName(name)).toBe(false);
  });

  it("hash idempotency keys into one subject token", () => {
    const subject = operationKeySubject(names, "any text. even * this >");
    expect(subject).toMatch(/^eventscope\.ops\.key\.[0-9a-f]{64}$/);
    expect(operationKeySubject(names, "any text. even * this >")).toBe(subject);
  });

  it("name advisory subjects, and tell the adapter's own streams apart", () => {
    expect(advisorySubject("MAX_DELIVERIES")).toBe("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.>");
    expect(advisoryProbeSubject(names, "MSG_TERMINATED")).toBe("$JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED.eventscope_probe.probe");
    expect(isOwnStream(names, "eventscope_orders")).toBe(true);
    expect(isOwnStream(names, "eventscope_DLQ")).toBe(false);
    expect(isOwnStream(names, "ORDERS")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { parseAckSubject } from "./nats-delivery";

describe("JetStream ack subjects", () => {
  it("read the delivery from the classic nine-token form", () => {
    expect(parseAckSubject("$JS.ACK.ORDERS.payment.3.42.7.1795330313015817428.5")).toEqual({
      stream: "ORDERS",
      consumer: "payment",
      deliveryCount: 3,
      streamSequence: 42,
      storedAtMs: 1795330313015,
      pending: 5,
    });
  });

  it("read the form with domain and account hash, with or without the trailing token", () => {
    const expected = { stream: "ORDERS", consumer: "payment", deliveryCount: 1, streamSequence: 9, storedAtMs: 1_000, pending: 0 };
    expect(parseAckSubject("$JS.ACK.hub.ACCHASH.ORDERS.payment.1.9.2.1000000000.0")).toEqual(expected);
    expect(parseAckSubject("$JS.ACK.hub.ACCHASH.ORDERS.payment.1.9.2.1000000000.0.xyz")).toEqual(expected);
  });

  it("reject anything else", () => {
    for (const subject of ["", "orders.placed", "$JS.ACK.ORDERS.payment.x.42.7.1.5", "$JS.ACK.ORDERS.payment.1.42", "$JS.NAK.ORDERS.payment.3.42.7.1.5"]) {
      expect(parseAckSubject(subject)).toBeUndefined();
    }
  });
});

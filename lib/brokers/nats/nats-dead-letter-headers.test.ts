import { describe, expect, it } from "vitest";
import { deadLetterHeader, deadLetterHeaders, oneLine, originalHeaders, readDeadLetterMeta, type DeadLetterMeta } from "./nats-dead-letter-headers";

const meta: DeadLetterMeta = {
  cause: "max-deliveries",
  reason: "card declined",
  originalSubject: "payment.requested",
  stream: "PAYMENTS",
  streamSequence: 17,
  consumer: "payment",
  deliveryCount: 3,
  firstDeathAtMs: 1_763_000_000_000,
  lastDeathAtMs: 1_763_000_000_500,
  messageId: "m-1",
  key: "order-7",
};

describe("dead-letter headers", () => {
  it("round-trip the metadata beside the message's own headers", () => {
    const headers = deadLetterHeaders({ traceparent: "00-abc", "Nats-Msg-Id": "m-1" }, meta);
    expect(headers).toMatchObject({ traceparent: "00-abc", [deadLetterHeader.reason]: "card declined", [deadLetterHeader.sequence]: "17" });
    expect(headers["Nats-Msg-Id"]).toBeUndefined();
    expect(readDeadLetterMeta(headers)).toEqual(meta);
    expect(originalHeaders(headers)).toEqual({ traceparent: "00-abc" });
  });

  it("keep reasons on one line", () => {
    expect(oneLine("bad\r\ninput\nhere")).toBe("bad input here");
    expect(readDeadLetterMeta(deadLetterHeaders({}, { ...meta, reason: "a\nb" }))?.reason).toBe("a b");
  });

  it("refuse metadata that is missing or malformed", () => {
    const headers = deadLetterHeaders({}, meta);
    expect(readDeadLetterMeta({})).toBeUndefined();
    expect(readDeadLetterMeta({ ...headers, [deadLetterHeader.deliveries]: "three" })).toBeUndefined();
    expect(readDeadLetterMeta({ ...headers, [deadLetterHeader.cause]: "bored" })).toBeUndefined();
  });
});

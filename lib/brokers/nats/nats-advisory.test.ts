import { describe, expect, it } from "vitest";
import { parseAdvisory, selfDeadLetteredReason } from "./nats-advisory";

const base = { id: "x", timestamp: "2026-11-22T06:50:34.543201113Z", stream: "ORDERS", consumer: "payment", stream_seq: 5, deliveries: 3 };

describe("JetStream advisories", () => {
  it("read a max-deliveries advisory", () => {
    expect(parseAdvisory(JSON.stringify({ ...base, type: "io.nats.jetstream.advisory.v1.max_deliver" }), 0)).toEqual({
      stream: "ORDERS",
      consumer: "payment",
      streamSequence: 5,
      deliveryCount: 3,
      cause: "max-deliveries",
      reason: "delivered 3 times without an acknowledgement",
      diedAtMs: Date.parse("2026-11-22T06:50:34.543Z"),
    });
  });

  it("read a termination with the consumer's reason, and skip the adapter's own", () => {
    const terminated = { ...base, type: "io.nats.jetstream.advisory.v1.terminated" };
    expect(parseAdvisory(JSON.stringify({ ...terminated, reason: "schema mismatch" }), 0)).toMatchObject({ cause: "rejected", reason: "schema mismatch" });
    expect(parseAdvisory(JSON.stringify(terminated), 0)).toMatchObject({ cause: "rejected", reason: "terminated by the consumer" });
    expect(parseAdvisory(JSON.stringify({ ...terminated, reason: selfDeadLetteredReason }), 0)).toBe("skip");
  });

  it("ignore anything else", () => {
    expect(parseAdvisory("not json", 0)).toBeUndefined();
    expect(parseAdvisory(JSON.stringify({ ...base, type: "io.nats.jetstream.advisory.v1.nak" }), 0)).toBeUndefined();
    expect(parseAdvisory(JSON.stringify({ type: "io.nats.jetstream.advisory.v1.max_deliver" }), 0)).toBeUndefined();
  });
});

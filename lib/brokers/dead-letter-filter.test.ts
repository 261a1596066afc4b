import { describe, expect, it } from "vitest";
import { deadLetterFilterSchema, matchesDeadLetterFilter, type FilterableDeadLetter } from "./dead-letter-filter";

const letter: FilterableDeadLetter = {
  originalDestination: "payment.processed",
  reason: "Card declined by issuer",
  lastDeathAt: new Date("2026-11-22T10:00:00Z"),
  payload: new TextEncoder().encode('{"orderId":"ORD-1042","amount":12.5}'),
};

describe("dead-letter filters", () => {
  it("match everything when empty", () => {
    expect(matchesDeadLetterFilter({}, letter)).toBe(true);
  });

  it("match destination exactly, reason and payload text without regard to case", () => {
    expect(matchesDeadLetterFilter({ destination: "payment.processed" }, letter)).toBe(true);
    expect(matchesDeadLetterFilter({ destination: "payment" }, letter)).toBe(false);
    expect(matchesDeadLetterFilter({ reason: "CARD DECLINED" }, letter)).toBe(true);
    expect(matchesDeadLetterFilter({ reason: "timeout" }, letter)).toBe(false);
    expect(matchesDeadLetterFilter({ text: "ord-1042" }, letter)).toBe(true);
    expect(matchesDeadLetterFilter({ text: "ORD-9" }, letter)).toBe(false);
  });

  it("treat since as inclusive and until as exclusive", () => {
    const at = letter.lastDeathAt;
    expect(matchesDeadLetterFilter({ since: at }, letter)).toBe(true);
    expect(matchesDeadLetterFilter({ until: at }, letter)).toBe(false);
    expect(matchesDeadLetterFilter({ since: new Date(at.getTime() - 1), until: new Date(at.getTime() + 1) }, letter)).toBe(true);
  });

  it("never match text against a payload that is not UTF-8", () => {
    expect(matchesDeadLetterFilter({ text: "a" }, { ...letter, payload: new Uint8Array([0xff, 0x61, 0xfe]) })).toBe(false);
  });

  it("parse from a query string, dates included", () => {
    expect(deadLetterFilterSchema.parse({ destination: "orders", since: "2026-11-22T00:00:00Z" })).toEqual({
      destination: "orders",
      since: new Date("2026-11-22T00:00:00Z"),
    });
    expect(deadLetterFilterSchema.safeParse({ since: "not a date" }).success).toBe(false);
  });
});

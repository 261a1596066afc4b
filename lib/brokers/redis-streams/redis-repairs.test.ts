import { describe, expect, it } from "vitest";
import { pairs } from "./redis-readings";
import { parseOperation } from "./redis-repairs";

describe("recorded operations", () => {
  it("read back a replay and a discard from their hash", () => {
    expect(parseOperation(["action", "replay", "deadLetterId", "1-0@a", "destination", "a", "messageId", "m"])).toEqual({
      action: "replay",
      deadLetterId: "1-0@a",
      destination: "a",
      messageId: "m",
    });
    expect(parseOperation(["action", "discard", "deadLetterId", "1-0@a"])).toEqual({ action: "discard", deadLetterId: "1-0@a" });
  });

  it("refuse a hash that is not one", () => {
    expect(parseOperation(["action", "replay", "deadLetterId", "1-0@a"])).toBeUndefined();
    expect(parseOperation(["action", "publish"])).toBeUndefined();
  });
});

describe("flat replies", () => {
  it("become objects, ignoring a dangling name", () => {
    expect(pairs(["name", "g", "lag", null, "pending", 2, "odd"])).toEqual({ name: "g", lag: null, pending: 2 });
  });
});

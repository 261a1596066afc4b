import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor";

const schema = z.object({ at: z.number().int(), id: z.number().int() });

describe("page cursors", () => {
  it("round-trip a position and are URL-safe", () => {
    const cursor = encodeCursor({ at: 1_763_000_000_123, id: 42 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, schema)).toEqual({ status: "ok", value: { at: 1_763_000_000_123, id: 42 } });
  });

  it("reject text that is not a cursor, or a cursor of another shape", () => {
    for (const cursor of ["not-a-cursor", "", encodeCursor({ at: "yesterday", id: 1 }), encodeCursor([1, 2])]) {
      expect(decodeCursor(cursor, schema)).toMatchObject({ status: "failed", error: { code: "invalid" } });
    }
  });
});

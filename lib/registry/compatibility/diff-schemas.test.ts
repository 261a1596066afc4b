import { describe, expect, it } from "vitest";
import { diffSchemas } from "./check-compatibility";

const v1 = JSON.stringify({ type: "object", properties: { id: { type: "string" } }, required: ["id"], additionalProperties: false });
const v2 = JSON.stringify({
  type: "object",
  description: "An order.",
  properties: { id: { type: "string" }, note: { type: "string" } },
  required: ["id"],
  additionalProperties: false,
});

describe("diffSchemas", () => {
  it("lists compatible differences too, each marked", () => {
    const diff = diffSchemas({ format: "JSON_SCHEMA", mode: "BACKWARD", from: v1, to: v2 });
    expect(diff.compatible).toBe(true);
    expect(diff.differences.map((difference) => [difference.kind, difference.path, difference.compatible])).toEqual(
      expect.arrayContaining([
        ["DESCRIPTION_CHANGED", "#", true],
        ["OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", "#/properties/note", true],
      ]),
    );
  });

  it("marks what breaks under the mode, in each direction it checks", () => {
    const diff = diffSchemas({ format: "JSON_SCHEMA", mode: "FULL", from: v2, to: v1 });
    expect(diff.compatible).toBe(false);
    expect(new Set(diff.differences.map((difference) => difference.direction))).toEqual(new Set(["BACKWARD", "FORWARD"]));
    expect(diff.differences.some((difference) => !difference.compatible && difference.path === "#/properties/note")).toBe(true);
  });

  it("counts everything as compatible under NONE", () => {
    const narrowed = JSON.stringify({ type: "object", properties: { id: { type: "integer" } }, required: ["id"], additionalProperties: false });
    const diff = diffSchemas({ format: "JSON_SCHEMA", mode: "NONE", from: v1, to: narrowed });
    expect(diff.compatible).toBe(true);
    expect(diff.differences.length).toBeGreaterThan(0);
  });

  it("lists Avro's breaking differences", () => {
    const a = JSON.stringify({ type: "record", name: "A", fields: [{ name: "id", type: "string" }] });
    const b = JSON.stringify({ type: "record", name: "A", fields: [{ name: "id", type: "string" }, { name: "n", type: "int" }] });
    const diff = diffSchemas({ format: "AVRO", mode: "BACKWARD", from: a, to: b });
    expect(diff.compatible).toBe(false);
    expect(diff.differences[0]?.kind).toBe("AVRO_READER_CANNOT_READ_WRITER");
  });
});

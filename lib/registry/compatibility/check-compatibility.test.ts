import { describe, expect, it } from "vitest";
import { checkCompatibility, InvalidSchemaError } from "./check-compatibility";
import { obj, str } from "./compatibility-test-cases";
import type { CompatibilityMode, SchemaFormat } from "./types";

const json = (value: unknown) => JSON.stringify(value);

// Version history where only the oldest version is incompatible with the candidate.
const jsonHistory = [
  { version: 1, schema: json(obj({ id: str, qty: { type: "integer" } })) },
  { version: 2, schema: json(obj({ id: str, qty: { type: "string" } })) },
  { version: 3, schema: json(obj({ id: str, qty: { type: "string", description: "count" } })) },
];
const jsonCandidate = json(obj({ id: str, qty: { type: "string" } }));

const avroRecord = (fields: unknown[]) => json({ type: "record", name: "Order", fields });
const avroHistory = [
  { version: 1, schema: avroRecord([{ name: "id", type: "string" }]) },
  { version: 2, schema: avroRecord([{ name: "id", type: "string" }, { name: "qty", type: "int" }]) },
];
// Reads v2 (qty present) but not v1 (qty missing, no default); v2 can also read it back.
const avroCandidate = avroRecord([{ name: "id", type: "string" }, { name: "qty", type: "long" }]);

interface ModeCase {
  name: string;
  format: SchemaFormat;
  mode: CompatibilityMode;
  compatible: boolean;
  checkedVersions: number[];
  /** "KIND #/path @version" for every expected difference. */
  differences?: string[];
}

const modeCases: ModeCase[] = [
  { name: "JSON BACKWARD checks only the latest version", format: "JSON_SCHEMA", mode: "BACKWARD", compatible: true, checkedVersions: [3] },
  {
    name: "JSON BACKWARD_TRANSITIVE checks every version, newest first",
    format: "JSON_SCHEMA",
    mode: "BACKWARD_TRANSITIVE",
    compatible: false,
    checkedVersions: [3, 2, 1],
    differences: ["TYPE_CHANGED #/properties/qty @1"],
  },
  { name: "JSON FORWARD checks only the latest version", format: "JSON_SCHEMA", mode: "FORWARD", compatible: true, checkedVersions: [3] },
  {
    name: "JSON FORWARD_TRANSITIVE checks every version",
    format: "JSON_SCHEMA",
    mode: "FORWARD_TRANSITIVE",
    compatible: false,
    checkedVersions: [3, 2, 1],
    differences: ["TYPE_CHANGED #/properties/qty @1"],
  },
  { name: "JSON FULL checks both directions against the latest", format: "JSON_SCHEMA", mode: "FULL", compatible: true, checkedVersions: [3] },
  {
    name: "JSON FULL_TRANSITIVE reports each direction against each version",
    format: "JSON_SCHEMA",
    mode: "FULL_TRANSITIVE",
    compatible: false,
    checkedVersions: [3, 2, 1],
    differences: ["TYPE_CHANGED #/properties/qty @1", "TYPE_CHANGED #/properties/qty @1"],
  },
  { name: "JSON NONE checks nothing", format: "JSON_SCHEMA", mode: "NONE", compatible: true, checkedVersions: [] },
  { name: "Avro BACKWARD checks only the latest version", format: "AVRO", mode: "BACKWARD", compatible: true, checkedVersions: [2] },
  {
    name: "Avro BACKWARD_TRANSITIVE finds the missing default against version 1",
    format: "AVRO",
    mode: "BACKWARD_TRANSITIVE",
    compatible: false,
    checkedVersions: [2, 1],
    differences: ["AVRO_READER_CANNOT_READ_WRITER #/fields/qty @1"],
  },
  {
    name: "Avro FORWARD: the previous int field cannot read the new long",
    format: "AVRO",
    mode: "FORWARD",
    compatible: false,
    checkedVersions: [2],
    differences: ["AVRO_READER_CANNOT_READ_WRITER #/fields/qty @2"],
  },
  {
    name: "Avro FULL_TRANSITIVE",
    format: "AVRO",
    mode: "FULL_TRANSITIVE",
    compatible: false,
    checkedVersions: [2, 1],
    differences: ["AVRO_READER_CANNOT_READ_WRITER #/fields/qty @2", "AVRO_READER_CANNOT_READ_WRITER #/fields/qty @1"],
  },
  { name: "Avro NONE checks nothing", format: "AVRO", mode: "NONE", compatible: true, checkedVersions: [] },
];

describe("checkCompatibility: modes and transitivity", () => {
  it.each(modeCases)("$name", ({ format, mode, compatible, checkedVersions, differences }) => {
    const result = checkCompatibility({
      format,
      mode,
      candidate: format === "AVRO" ? avroCandidate : jsonCandidate,
      previous: format === "AVRO" ? avroHistory : jsonHistory,
    });
    expect(result.compatible).toBe(compatible);
    expect(result.checkedVersions).toEqual(checkedVersions);
    if (!result.compatible) {
      expect(result.differences.map((d) => `${d.kind} ${d.path} @${d.againstVersion ?? "?"}`).sort()).toEqual([...(differences ?? [])].sort());
    }
  });

  it.each(["BACKWARD", "FULL_TRANSITIVE", "NONE"] as const)("treats a subject without versions as compatible under %s", (mode) => {
    expect(checkCompatibility({ format: "JSON_SCHEMA", mode, candidate: json(str), previous: [] })).toEqual({ compatible: true, checkedVersions: [] });
  });

  it("reports FULL differences from both directions with their own wording", () => {
    const result = checkCompatibility({
      format: "JSON_SCHEMA",
      mode: "FULL",
      candidate: json({ type: "string", maxLength: 5 }),
      previous: [{ version: 7, schema: json({ type: "string", minLength: 1 }) }],
    });
    expect(result.compatible).toBe(false);
    if (result.compatible) return;
    expect(result.differences.map((d) => `${d.kind} ${d.path}`).sort()).toEqual(["MAX_LENGTH_ADDED #/maxLength", "MIN_LENGTH_ADDED #/minLength"]);
    const [maxLength, minLength] = [...result.differences].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(maxLength?.message).toContain("data written with the previous version can be rejected");
    expect(minLength?.message).toContain("data written with the new schema can be rejected");
    expect(result.differences.every((d) => d.againstVersion === 7)).toBe(true);
  });
});

describe("checkCompatibility: policy and messages", () => {
  const old = json(obj({ id: str }));
  const withEmail = json(obj({ id: str, email: str }));

  it("defaults to STRICT and explains why adding to an open object breaks, and how to fix it", () => {
    const result = checkCompatibility({ format: "JSON_SCHEMA", mode: "BACKWARD", candidate: withEmail, previous: [{ version: 1, schema: old }] });
    expect(result.compatible).toBe(false);
    if (result.compatible) return;
    const [difference] = result.differences;
    expect(difference).toMatchObject({ kind: "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", path: "#/properties/email", againstVersion: 1 });
    expect(difference?.message).toContain("`email` was added to an open object: old producers may already send `email` with another type");
    expect(difference?.fix).toContain('"additionalProperties": false');
    expect(difference?.fix).toContain("patternProperties");
    expect(difference?.fix).toContain("LENIENT");
  });

  it("words the FORWARD mirror as a removal", () => {
    const result = checkCompatibility({ format: "JSON_SCHEMA", mode: "FORWARD", candidate: old, previous: [{ version: 1, schema: withEmail }] });
    expect(result.compatible).toBe(false);
    if (result.compatible) return;
    expect(result.differences[0]?.message).toContain("`email` was removed from an open object");
    expect(result.differences[0]?.fix).toContain("LENIENT");
  });

  it.each(["BACKWARD", "FORWARD", "FULL", "FULL_TRANSITIVE"] as const)("LENIENT accepts optional open-model changes under %s", (mode) => {
    const [candidate, previous] = mode === "FORWARD" ? [old, withEmail] : [withEmail, old];
    expect(checkCompatibility({ format: "JSON_SCHEMA", mode, policy: "LENIENT", candidate, previous: [{ version: 1, schema: previous }] }).compatible).toBe(true);
  });

  it("gives every difference a kind, a JSON pointer and a sentence", () => {
    const result = checkCompatibility({
      format: "JSON_SCHEMA",
      mode: "FULL",
      candidate: json({ type: "object", properties: { a: { type: "integer" }, b: { enum: ["x"] } }, required: ["a"], additionalProperties: false }),
      previous: [{ version: 1, schema: json({ type: "object", properties: { a: { type: "number" }, b: { enum: ["x", "y"] }, c: str } }) }],
    });
    expect(result.compatible).toBe(false);
    if (result.compatible) return;
    expect(result.differences.length).toBeGreaterThan(3);
    for (const difference of result.differences) {
      expect(difference.kind).toMatch(/^[A-Z_]+$/);
      expect(difference.path).toMatch(/^#(\/.+)?$/);
      expect(difference.message).toMatch(/\.$/);
    }
  });
});

describe("checkCompatibility: invalid schemas", () => {
  it("rejects an invalid candidate even when the mode checks nothing", () => {
    expect(() => checkCompatibility({ format: "JSON_SCHEMA", mode: "NONE", candidate: "{", previous: [] })).toThrow(InvalidSchemaError);
    expect(() => checkCompatibility({ format: "AVRO", mode: "NONE", candidate: "{", previous: [] })).toThrow(/Invalid Avro schema/);
  });

  it("names the registered version that cannot be parsed", () => {
    const check = () => checkCompatibility({ format: "JSON_SCHEMA", mode: "BACKWARD", candidate: json(str), previous: [{ version: 9, schema: "[" }] });
    expect(check).toThrow(InvalidSchemaError);
    expect(check).toThrow(/registered version 9/);
  });
});

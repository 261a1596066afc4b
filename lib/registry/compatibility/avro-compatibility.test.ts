import { describe, expect, it } from "vitest";
import { checkCompatibility, InvalidSchemaError } from "./check-compatibility";
import { type CompatibilityCase, expectCase } from "./compatibility-test-cases";

const cannotRead = (path: string) => `AVRO_READER_CANNOT_READ_WRITER ${path}`;

type Field = { name: string; type: unknown; default?: unknown; aliases?: string[] };
const record = (fields: Field[], extra: Record<string, unknown> = {}) => ({ type: "record", name: "Order", fields, ...extra });
const id: Field = { name: "id", type: "string" };
const color = (symbols: string[], extra: Record<string, unknown> = {}) => ({ type: "enum", name: "Color", symbols, ...extra });

const fieldCases: CompatibilityCase[] = [
  { name: "identical record", old: record([id]), new: record([id]), compatible: true },
  { name: "field added with a default", old: record([id]), new: record([id, { name: "qty", type: "int", default: 0 }]), compatible: true },
  { name: "optional field added (union with null, default null)", old: record([id]), new: record([id, { name: "note", type: ["null", "string"], default: null }]), compatible: true },
  { name: "field added without a default", old: record([id]), new: record([id, { name: "qty", type: "int" }]), compatible: false, kinds: [cannotRead("#/fields/qty")] },
  { name: "FORWARD field added without a default", mode: "FORWARD", old: record([id]), new: record([id, { name: "qty", type: "int" }]), compatible: true },
  { name: "field removed", old: record([id, { name: "qty", type: "int" }]), new: record([id]), compatible: true },
  {
    name: "FORWARD field without a default removed",
    mode: "FORWARD",
    old: record([id, { name: "qty", type: "int" }]),
    new: record([id]),
    compatible: false,
    kinds: [cannotRead("#/fields/qty")],
  },
  { name: "FORWARD field with a default removed", mode: "FORWARD", old: record([id, { name: "qty", type: "int", default: 1 }]), new: record([id]), compatible: true },
  { name: "FULL field with a default added", mode: "FULL", old: record([id]), new: record([id, { name: "qty", type: "int", default: 0 }]), compatible: true },
  { name: "FULL field without a default added", mode: "FULL", old: record([id]), new: record([id, { name: "qty", type: "int" }]), compatible: false, kinds: [cannotRead("#/fields/qty")] },
  { name: "field renamed with an alias", old: record([{ name: "qty", type: "int" }]), new: record([{ name: "quantity", type: "int", aliases: ["qty"] }]), compatible: true },
  {
    name: "field renamed without an alias",
    old: record([{ name: "qty", type: "int" }]),
    new: record([{ name: "quantity", type: "int" }]),
    compatible: false,
    kinds: [cannotRead("#/fields/quantity")],
  },
  { name: "documentation changed", old: record([id], { doc: "v1" }), new: record([{ ...id, doc: "the id" } as Field], { doc: "v2" }), compatible: true },
  { name: "logicalType added to a long", old: record([{ name: "at", type: "long" }]), new: record([{ name: "at", type: { type: "long", logicalType: "timestamp-millis" } }]), compatible: true },
  {
    name: "nested record field changed type",
    old: record([{ name: "address", type: { type: "record", name: "Address", fields: [{ name: "zip", type: "string" }] } }]),
    new: record([{ name: "address", type: { type: "record", name: "Address", fields: [{ name: "zip", type: "int" }] } }]),
    compatible: false,
    kinds: [cannotRead("#/fields/address/fields/zip")],
  },
];

const promotionCases: CompatibilityCase[] = [
  { name: "int → long", old: record([{ name: "n", type: "int" }]), new: record([{ name: "n", type: "long" }]), compatible: true },
  { name: "int → double", old: record([{ name: "n", type: "int" }]), new: record([{ name: "n", type: "double" }]), compatible: true },
  { name: "float → double", old: record([{ name: "n", type: "float" }]), new: record([{ name: "n", type: "double" }]), compatible: true },
  { name: "long → int", old: record([{ name: "n", type: "long" }]), new: record([{ name: "n", type: "int" }]), compatible: false, kinds: [cannotRead("#/fields/n")] },
  { name: "FORWARD int → long", mode: "FORWARD", old: record([{ name: "n", type: "int" }]), new: record([{ name: "n", type: "long" }]), compatible: false, kinds: [cannotRead("#/fields/n")] },
  { name: "string → bytes", old: record([{ name: "s", type: "string" }]), new: record([{ name: "s", type: "bytes" }]), compatible: true },
  { name: "bytes → string", old: record([{ name: "s", type: "bytes" }]), new: record([{ name: "s", type: "string" }]), compatible: true },
  { name: "int → string", old: record([{ name: "n", type: "int" }]), new: record([{ name: "n", type: "string" }]), compatible: false, kinds: [cannotRead("#/fields/n")] },
  { name: "top-level string → int", old: "string", new: "int", compatible: false, kinds: [cannotRead("#")] },
  { name: "top-level int → long", old: "int", new: "long", compatible: true },
];

const enumAndUnionCases: CompatibilityCase[] = [
  { name: "enum symbol added", old: record([{ name: "c", type: color(["RED"]) }]), new: record([{ name: "c", type: color(["RED", "BLUE"]) }]), compatible: true },
  {
    name: "enum symbol removed",
    old: record([{ name: "c", type: color(["RED", "BLUE"]) }]),
    new: record([{ name: "c", type: color(["RED"]) }]),
    compatible: false,
    kinds: [cannotRead("#/fields/c/symbols")],
  },
  {
    name: "enum symbol removed with a default symbol",
    old: record([{ name: "c", type: color(["RED", "BLUE", "OTHER"]) }]),
    new: record([{ name: "c", type: color(["RED", "OTHER"], { default: "OTHER" }) }]),
    compatible: true,
  },
  {
    name: "FORWARD enum symbol added",
    mode: "FORWARD",
    old: record([{ name: "c", type: color(["RED"]) }]),
    new: record([{ name: "c", type: color(["RED", "BLUE"]) }]),
    compatible: false,
    kinds: [cannotRead("#/fields/c/symbols")],
  },
  { name: "field made nullable", old: record([{ name: "s", type: "string" }]), new: record([{ name: "s", type: ["null", "string"] }]), compatible: true },
  {
    name: "nullable field made required",
    old: record([{ name: "s", type: ["null", "string"], default: null }]),
    new: record([{ name: "s", type: "string" }]),
    compatible: false,
    kinds: [cannotRead("#/fields/s")],
  },
  { name: "union gains a branch", old: record([{ name: "v", type: ["int", "string"] }]), new: record([{ name: "v", type: ["int", "string", "boolean"] }]), compatible: true },
  {
    name: "union loses a branch",
    old: record([{ name: "v", type: ["int", "string"] }]),
    new: record([{ name: "v", type: ["int"] }]),
    compatible: false,
    kinds: [cannotRead("#/fields/v")],
  },
  { name: "union branch promoted (int → long)", old: record([{ name: "v", type: ["null", "int"] }]), new: record([{ name: "v", type: ["null", "long"] }]), compatible: true },
];

const collectionAndNameCases: CompatibilityCase[] = [
  { name: "array items promoted", old: record([{ name: "xs", type: { type: "array", items: "int" } }]), new: record([{ name: "xs", type: { type: "array", items: "long" } }]), compatible: true },
  {
    name: "array items narrowed",
    old: record([{ name: "xs", type: { type: "array", items: "long" } }]),
    new: record([{ name: "xs", type: { type: "array", items: "int" } }]),
    compatible: false,
    kinds: [cannotRead("#/fields/xs/items")],
  },
  {
    name: "map values changed",
    old: record([{ name: "m", type: { type: "map", values: "string" } }]),
    new: record([{ name: "m", type: { type: "map", values: "boolean" } }]),
    compatible: false,
    kinds: [cannotRead("#/fields/m/values")],
  },
  {
    name: "fixed size changed",
    old: record([{ name: "h", type: { type: "fixed", name: "Hash", size: 16 } }]),
    new: record([{ name: "h", type: { type: "fixed", name: "Hash", size: 32 } }]),
    compatible: false,
    kinds: [cannotRead("#/fields/h")],
  },
  { name: "record renamed with an alias", old: record([id]), new: record([id], { name: "PurchaseOrder", aliases: ["Order"] }), compatible: true },
  { name: "record renamed without an alias", old: record([id]), new: record([id], { name: "PurchaseOrder" }), compatible: false, kinds: [cannotRead("#")] },
  { name: "record namespace changed (names match unqualified, as in Java Avro)", old: record([id], { namespace: "a" }), new: record([id], { namespace: "b" }), compatible: true },
  {
    name: "recursive record unchanged",
    old: { type: "record", name: "Node", fields: [{ name: "v", type: "int" }, { name: "next", type: ["null", "Node"], default: null }] },
    new: { type: "record", name: "Node", fields: [{ name: "v", type: "int" }, { name: "next", type: ["null", "Node"], default: null }] },
    compatible: true,
  },
  {
    name: "recursive record changed",
    old: { type: "record", name: "Node", fields: [{ name: "v", type: "int" }, { name: "next", type: ["null", "Node"], default: null }] },
    new: { type: "record", name: "Node", fields: [{ name: "v", type: "string" }, { name: "next", type: ["null", "Node"], default: null }] },
    compatible: false,
    kinds: [cannotRead("#/fields/v")],
  },
];

const invalidAvroSchemas: { name: string; text: string }[] = [
  { name: "text that is not JSON", text: "record Order {}" },
  { name: "an unknown type name", text: JSON.stringify("nope") },
  { name: "a record without fields", text: JSON.stringify({ type: "record", name: "R" }) },
  { name: "a default that does not match its type", text: JSON.stringify(record([{ name: "n", type: "int", default: "x" }])) },
  { name: "an enum with duplicate symbols", text: JSON.stringify(color(["A", "A"])) },
];

describe("Avro: fields", () => {
  it.each(fieldCases)("$name", (row) => expectCase("AVRO", row));
});

describe("Avro: promotions", () => {
  it.each(promotionCases)("$name", (row) => expectCase("AVRO", row));
});

describe("Avro: enums and unions", () => {
  it.each(enumAndUnionCases)("$name", (row) => expectCase("AVRO", row));
});

describe("Avro: collections and names", () => {
  it.each(collectionAndNameCases)("$name", (row) => expectCase("AVRO", row));
});

describe("Avro: parsing", () => {
  it.each(invalidAvroSchemas)("rejects $name with InvalidSchemaError", ({ text }) => {
    expect(() => checkCompatibility({ format: "AVRO", mode: "NONE", candidate: text, previous: [] })).toThrow(InvalidSchemaError);
  });

  it("names the field and the fix in the message", () => {
    const result = checkCompatibility({
      format: "AVRO",
      mode: "BACKWARD",
      candidate: JSON.stringify(record([id, { name: "qty", type: "int" }])),
      previous: [{ version: 4, schema: JSON.stringify(record([id])) }],
    });
    expect(result).toMatchObject({ compatible: false, checkedVersions: [4] });
    if (result.compatible) return;
    expect(result.differences).toEqual([
      {
        kind: "AVRO_READER_CANNOT_READ_WRITER",
        path: "#/fields/qty",
        message: expect.stringContaining("field `qty` has no \"default\"") as string,
        fix: expect.stringContaining("default") as string,
        againstVersion: 4,
      },
    ]);
  });
});

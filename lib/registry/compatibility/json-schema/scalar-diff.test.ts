import { describe, it } from "vitest";
import { bool, type CompatibilityCase, expectCase, int, num, obj, str } from "../compatibility-test-cases";

const string = (extra: Record<string, unknown>) => ({ type: "string", ...extra });
const number = (extra: Record<string, unknown>) => ({ type: "number", ...extra });

const typeCases: CompatibilityCase[] = [
  { name: "identical string", old: str, new: str, compatible: true },
  { name: "string → number", old: str, new: num, compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "integer → number (widening)", old: int, new: num, compatible: true },
  { name: "number → integer (narrowing)", old: num, new: int, compatible: false, kinds: ["TYPE_NARROWED #"] },
  { name: "FORWARD integer → number", mode: "FORWARD", old: int, new: num, compatible: false, kinds: ["TYPE_NARROWED #"] },
  { name: "FORWARD number → integer", mode: "FORWARD", old: num, new: int, compatible: true },
  { name: "object → array", old: { type: "object" }, new: { type: "array" }, compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "boolean → string", old: bool, new: str, compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "null → string", old: { type: "null" }, new: str, compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "anything → empty schema", old: obj({ a: str }, { required: ["a"] }), new: {}, compatible: true },
  { name: "string → true schema", old: str, new: true, compatible: true },
  { name: "empty schema → string", old: {}, new: str, compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "true schema → string", old: true, new: str, compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "false schema → string (nothing was ever written)", old: false, new: str, compatible: true },
  { name: "string → false schema", old: str, new: false, compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "property type string → boolean", old: obj({ a: str }), new: obj({ a: bool }), compatible: false, kinds: ["TYPE_CHANGED #/properties/a"] },
];

const stringCases: CompatibilityCase[] = [
  { name: "maxLength added", old: str, new: string({ maxLength: 10 }), compatible: false, kinds: ["MAX_LENGTH_ADDED #/maxLength"] },
  { name: "maxLength increased", old: string({ maxLength: 10 }), new: string({ maxLength: 12 }), compatible: true },
  { name: "maxLength decreased", old: string({ maxLength: 12 }), new: string({ maxLength: 10 }), compatible: false, kinds: ["MAX_LENGTH_DECREASED #/maxLength"] },
  { name: "maxLength removed", old: string({ maxLength: 12 }), new: str, compatible: true },
  { name: "minLength added", old: str, new: string({ minLength: 1 }), compatible: false, kinds: ["MIN_LENGTH_ADDED #/minLength"] },
  { name: "minLength increased", old: string({ minLength: 1 }), new: string({ minLength: 2 }), compatible: false, kinds: ["MIN_LENGTH_INCREASED #/minLength"] },
  { name: "minLength decreased", old: string({ minLength: 2 }), new: string({ minLength: 1 }), compatible: true },
  { name: "minLength removed", old: string({ minLength: 2 }), new: str, compatible: true },
  { name: "pattern added", old: str, new: string({ pattern: "^[a-z]+$" }), compatible: false, kinds: ["PATTERN_ADDED #/pattern"] },
  { name: "pattern changed", old: string({ pattern: "^a" }), new: string({ pattern: "^b" }), compatible: false, kinds: ["PATTERN_CHANGED #/pattern"] },
  { name: "pattern removed", old: string({ pattern: "^a" }), new: str, compatible: true },
  { name: "pattern unchanged", old: string({ pattern: "^a" }), new: string({ pattern: "^a" }), compatible: true },
  { name: "format added (not compared by Confluent)", old: str, new: string({ format: "email" }), compatible: true },
  {
    name: "two constraints tightened at once",
    old: string({ maxLength: 10, minLength: 1 }),
    new: string({ maxLength: 5, minLength: 2 }),
    compatible: false,
    kinds: ["MAX_LENGTH_DECREASED #/maxLength", "MIN_LENGTH_INCREASED #/minLength"],
  },
  {
    name: "nested property maxLength decreased",
    old: obj({ address: obj({ zip: string({ maxLength: 10 }) }) }),
    new: obj({ address: obj({ zip: string({ maxLength: 5 }) }) }),
    compatible: false,
    kinds: ["MAX_LENGTH_DECREASED #/properties/address/properties/zip/maxLength"],
  },
  { name: "FORWARD maxLength increased", mode: "FORWARD", old: string({ maxLength: 10 }), new: string({ maxLength: 12 }), compatible: false, kinds: ["MAX_LENGTH_DECREASED #/maxLength"] },
  { name: "FULL maxLength increased", mode: "FULL", old: string({ maxLength: 10 }), new: string({ maxLength: 12 }), compatible: false, kinds: ["MAX_LENGTH_DECREASED #/maxLength"] },
];

const numberCases: CompatibilityCase[] = [
  { name: "maximum added", old: num, new: number({ maximum: 10 }), compatible: false, kinds: ["MAXIMUM_ADDED #/maximum"] },
  { name: "maximum increased", old: number({ maximum: 10 }), new: number({ maximum: 11 }), compatible: true },
  { name: "maximum decreased", old: number({ maximum: 11 }), new: number({ maximum: 10 }), compatible: false, kinds: ["MAXIMUM_DECREASED #/maximum"] },
  { name: "maximum removed", old: number({ maximum: 10 }), new: num, compatible: true },
  { name: "minimum added", old: int, new: { type: "integer", minimum: 0 }, compatible: false, kinds: ["MINIMUM_ADDED #/minimum"] },
  { name: "minimum increased", old: number({ minimum: 0 }), new: number({ minimum: 1 }), compatible: false, kinds: ["MINIMUM_INCREASED #/minimum"] },
  { name: "minimum decreased", old: number({ minimum: 1 }), new: number({ minimum: 0 }), compatible: true },
  { name: "minimum removed", old: number({ minimum: 1 }), new: num, compatible: true },
  { name: "exclusiveMinimum added", old: num, new: number({ exclusiveMinimum: 0 }), compatible: false, kinds: ["EXCLUSIVE_MINIMUM_ADDED #/exclusiveMinimum"] },
  { name: "exclusiveMinimum increased", old: number({ exclusiveMinimum: 0 }), new: number({ exclusiveMinimum: 5 }), compatible: false, kinds: ["EXCLUSIVE_MINIMUM_INCREASED #/exclusiveMinimum"] },
  { name: "exclusiveMinimum decreased", old: number({ exclusiveMinimum: 5 }), new: number({ exclusiveMinimum: 0 }), compatible: true },
  { name: "exclusiveMaximum decreased", old: number({ exclusiveMaximum: 5 }), new: number({ exclusiveMaximum: 4 }), compatible: false, kinds: ["EXCLUSIVE_MAXIMUM_DECREASED #/exclusiveMaximum"] },
  { name: "exclusiveMaximum increased", old: number({ exclusiveMaximum: 4 }), new: number({ exclusiveMaximum: 5 }), compatible: true },
  { name: "exclusiveMaximum removed", old: number({ exclusiveMaximum: 5 }), new: num, compatible: true },
  {
    name: "draft-04 boolean exclusiveMinimum turned on",
    old: { $schema: "http://json-schema.org/draft-04/schema#", type: "number", minimum: 0 },
    new: { $schema: "http://json-schema.org/draft-04/schema#", type: "number", minimum: 0, exclusiveMinimum: true },
    compatible: false,
    kinds: ["EXCLUSIVE_MINIMUM_ADDED #/exclusiveMinimum"],
  },
  { name: "multipleOf added", old: num, new: number({ multipleOf: 5 }), compatible: false, kinds: ["MULTIPLE_OF_ADDED #/multipleOf"] },
  { name: "multipleOf reduced (10 → 5)", old: number({ multipleOf: 10 }), new: number({ multipleOf: 5 }), compatible: true },
  { name: "multipleOf expanded (5 → 10)", old: number({ multipleOf: 5 }), new: number({ multipleOf: 10 }), compatible: false, kinds: ["MULTIPLE_OF_EXPANDED #/multipleOf"] },
  { name: "multipleOf changed (10 → 3)", old: number({ multipleOf: 10 }), new: number({ multipleOf: 3 }), compatible: false, kinds: ["MULTIPLE_OF_CHANGED #/multipleOf"] },
  { name: "multipleOf removed", old: number({ multipleOf: 10 }), new: num, compatible: true },
  { name: "decimal multipleOf reduced (0.1 → 0.05)", old: number({ multipleOf: 0.1 }), new: number({ multipleOf: 0.05 }), compatible: true },
  {
    name: "integer minimum decreased while narrowing number → integer",
    old: number({ minimum: 1 }),
    new: { type: "integer", minimum: 0 },
    compatible: false,
    kinds: ["TYPE_NARROWED #"],
  },
];

const enumCases: CompatibilityCase[] = [
  { name: "enum extended", old: { enum: ["a", "b"] }, new: { enum: ["a", "b", "c"] }, compatible: true },
  { name: "enum narrowed", old: { enum: ["a", "b"] }, new: { enum: ["a"] }, compatible: false, kinds: ["ENUM_ARRAY_NARROWED #/enum"] },
  { name: "enum changed", old: { enum: ["a", "b"] }, new: { enum: ["a", "c"] }, compatible: false, kinds: ["ENUM_ARRAY_CHANGED #/enum"] },
  { name: "enum reordered", old: { enum: ["a", "b"] }, new: { enum: ["b", "a"] }, compatible: true },
  { name: "enum of objects compared by value, not key order", old: { enum: [{ x: 1, y: 2 }] }, new: { enum: [{ y: 2, x: 1 }] }, compatible: true },
  { name: "typed enum extended", old: string({ enum: ["a"] }), new: string({ enum: ["a", "b"] }), compatible: true },
  {
    name: "typed enum narrowed: the synthetic allOf loses its enum match",
    old: obj({ status: string({ enum: ["a", "b"] }) }),
    new: obj({ status: string({ enum: ["a"] }) }),
    compatible: false,
    kinds: ["COMBINED_TYPE_SUBSCHEMAS_CHANGED #/properties/status"],
  },
  { name: "enum removed from a typed string", old: string({ enum: ["red"] }), new: str, compatible: true },
  { name: "enum added to a typed string", old: str, new: string({ enum: ["red"] }), compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "const unchanged", old: { const: "v1" }, new: { const: "v1" }, compatible: true },
  { name: "const changed", old: { const: "v1" }, new: { const: "v2" }, compatible: false, kinds: ["ENUM_ARRAY_CHANGED #/const"] },
  { name: "const → enum is a different schema class (Confluent)", old: { const: "a" }, new: { enum: ["a", "b"] }, compatible: false, kinds: ["TYPE_CHANGED #"] },
  {
    name: "FORWARD enum extended",
    mode: "FORWARD",
    old: { enum: ["a", "b"] },
    new: { enum: ["a", "b", "c"] },
    compatible: false,
    kinds: ["ENUM_ARRAY_NARROWED #/enum"],
  },
];

const annotationCases: CompatibilityCase[] = [
  { name: "title changed", old: string({ title: "A" }), new: string({ title: "B" }), compatible: true },
  { name: "description changed", old: string({ description: "A" }), new: string({ description: "B" }), compatible: true },
  { name: "$id changed", old: string({ $id: "urn:a" }), new: string({ $id: "urn:b" }), compatible: true },
  { name: "examples and $comment changed", old: string({ examples: ["a"], $comment: "x" }), new: string({ examples: ["b"] }), compatible: true },
  { name: "default changed", old: string({ default: "a" }), new: string({ default: "b" }), compatible: true },
  { name: "deprecated and readOnly added", old: str, new: string({ deprecated: true, readOnly: true }), compatible: true },
  {
    name: "nested annotations changed",
    old: obj({ a: string({ description: "old" }) }, { title: "Order" }),
    new: obj({ a: string({ description: "new" }) }, { title: "Order v2" }),
    compatible: true,
  },
  { name: "FULL annotation-only change", mode: "FULL", old: string({ description: "x" }), new: string({ description: "y", title: "t" }), compatible: true },
];

describe("JSON Schema: types", () => {
  it.each(typeCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema: string constraints", () => {
  it.each(stringCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema: number constraints", () => {
  it.each(numberCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema: enum and const", () => {
  it.each(enumCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema: annotations", () => {
  it.each(annotationCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

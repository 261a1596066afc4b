import { describe, it } from "vitest";
import { bool, type CompatibilityCase, expectCase, int, num, obj, str } from "../compatibility-test-cases";

const nullableString = { type: ["string", "null"] };

const nullableCases: CompatibilityCase[] = [
  { name: "string made nullable with a type list", old: str, new: nullableString, compatible: true },
  { name: "nullable string made non-nullable", old: nullableString, new: str, compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "property made nullable", old: obj({ a: str }), new: obj({ a: nullableString }), compatible: true },
  { name: "property made non-nullable", old: obj({ a: nullableString }), new: obj({ a: str }), compatible: false, kinds: ["TYPE_CHANGED #/properties/a"] },
  { name: "property made nullable with oneOf", old: obj({ a: str }), new: obj({ a: { oneOf: [{ type: "null" }, str] } }), compatible: true },
  { name: "type list extended", old: nullableString, new: { type: ["string", "null", "number"] }, compatible: true },
  { name: "type list narrowed", old: { type: ["string", "null", "number"] }, new: nullableString, compatible: false, kinds: ["SUM_TYPE_NARROWED #"] },
  { name: "type list reordered", old: { type: ["null", "string"] }, new: nullableString, compatible: true },
  { name: "FORWARD string made nullable", mode: "FORWARD", old: str, new: nullableString, compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "FULL string made nullable", mode: "FULL", old: str, new: nullableString, compatible: false, kinds: ["TYPE_CHANGED #"] },
  {
    name: "nullable string with maxLength decreased",
    old: { type: ["string", "null"], maxLength: 10 },
    new: { type: ["string", "null"], maxLength: 5 },
    compatible: false,
    kinds: ["COMBINED_TYPE_SUBSCHEMAS_CHANGED #"],
  },
];

const unionCases: CompatibilityCase[] = [
  { name: "string → oneOf [number, string]", old: str, new: { oneOf: [num, str] }, compatible: true },
  { name: "string → anyOf [number, string]", old: str, new: { anyOf: [num, str] }, compatible: true },
  { name: "string with maxLength → oneOf [number, string]", old: { type: "string", maxLength: 3 }, new: { oneOf: [num, str] }, compatible: true },
  {
    name: "string → oneOf whose string branch is stricter",
    old: { type: "string", maxLength: 5 },
    new: { oneOf: [num, { type: "string", maxLength: 3 }] },
    compatible: false,
    kinds: ["TYPE_CHANGED #"],
  },
  { name: "string → allOf [number, string]", old: str, new: { allOf: [num, str] }, compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "string → singleton allOf [string]", old: str, new: { allOf: [str] }, compatible: true },
  { name: "singleton oneOf [string] → string", old: { oneOf: [str] }, new: str, compatible: true },
  { name: "oneOf [string, number] → string", old: { oneOf: [str, num] }, new: str, compatible: false, kinds: ["TYPE_CHANGED #"] },
  { name: "allOf [string, maxLength] → string", old: { allOf: [str, { maxLength: 5 }] }, new: str, compatible: true },
  { name: "oneOf gains a branch", old: { oneOf: [str] }, new: { oneOf: [num, str] }, compatible: true },
  { name: "oneOf loses a branch", old: { oneOf: [str, num] }, new: { oneOf: [str] }, compatible: false, kinds: ["SUM_TYPE_NARROWED #"] },
  { name: "anyOf loses a branch", old: { anyOf: [str, num, bool] }, new: { anyOf: [str, num] }, compatible: false, kinds: ["SUM_TYPE_NARROWED #"] },
  { name: "oneOf branch replaced", old: { oneOf: [str] }, new: { oneOf: [num] }, compatible: false, kinds: ["COMBINED_TYPE_SUBSCHEMAS_CHANGED #"] },
  { name: "oneOf branches reordered", old: { oneOf: [str, num] }, new: { oneOf: [num, str] }, compatible: true },
  { name: "oneOf branch widened integer → number", old: { oneOf: [str, int] }, new: { oneOf: [num, str] }, compatible: true },
  {
    name: "oneOf of objects: property type changed in a branch",
    old: { oneOf: [obj({ foo: str })] },
    new: { oneOf: [obj({ foo: num })] },
    compatible: false,
    kinds: ["COMBINED_TYPE_SUBSCHEMAS_CHANGED #"],
  },
  {
    name: "oneOf of objects with a relaxed branch and more options",
    old: obj({ p: { oneOf: [{ type: "string", maxLength: 5 }] } }),
    new: obj({ p: { oneOf: [bool, num, { title: "text", type: "string", maxLength: 8 }] } }),
    compatible: true,
  },
  {
    name: "property type changed inside a union property",
    old: obj({ p: { anyOf: [obj({ x: str }, { additionalProperties: false }), { type: "null" }] } }),
    new: obj({ p: { anyOf: [obj({ x: int }, { additionalProperties: false }), { type: "null" }] } }),
    compatible: false,
    kinds: ["COMBINED_TYPE_SUBSCHEMAS_CHANGED #/properties/p"],
  },
];

const criterionCases: CompatibilityCase[] = [
  { name: "oneOf → anyOf", old: { oneOf: [str, num] }, new: { anyOf: [str, num] }, compatible: true },
  { name: "allOf → anyOf", old: { allOf: [str] }, new: { anyOf: [str] }, compatible: true },
  { name: "anyOf → oneOf with several branches", old: { anyOf: [str, num] }, new: { oneOf: [str, num] }, compatible: false, kinds: ["COMBINED_TYPE_CHANGED #"] },
  { name: "singleton anyOf → oneOf with more branches", old: { anyOf: [str] }, new: { oneOf: [num, str] }, compatible: true },
  { name: "singleton oneOf → singleton allOf", old: { oneOf: [str] }, new: { allOf: [str] }, compatible: true },
  { name: "singleton anyOf → allOf with several branches", old: { anyOf: [str] }, new: { allOf: [num, str] }, compatible: false, kinds: ["COMBINED_TYPE_CHANGED #"] },
];

const productCases: CompatibilityCase[] = [
  { name: "allOf loses a part", old: { allOf: [{ enum: ["one", "two"] }, str] }, new: { allOf: [str] }, compatible: true },
  { name: "allOf gains a part", old: { allOf: [str] }, new: { allOf: [{ enum: ["one", "two"] }, str] }, compatible: false, kinds: ["PRODUCT_TYPE_EXTENDED #"] },
  { name: "allOf parts reordered", old: { allOf: [{ enum: ["a"] }, str, { maxLength: 5 }] }, new: { allOf: [{ maxLength: 5 }, { enum: ["a"] }, str] }, compatible: true },
  { name: "allOf duplicates collapse", old: { allOf: [str, str] }, new: { allOf: [str] }, compatible: true },
  { name: "allOf enum extended", old: { allOf: [str, { enum: ["red"] }] }, new: { allOf: [{ enum: ["red", "blue"] }, str] }, compatible: true },
  {
    name: "allOf enum changed",
    old: { allOf: [str, { enum: ["red"] }] },
    new: { allOf: [str, { enum: ["blue"] }] },
    compatible: false,
    kinds: ["COMBINED_TYPE_SUBSCHEMAS_CHANGED #"],
  },
  {
    name: "allOf part with a changed type",
    old: obj({ p: { allOf: [{ enum: ["one"] }, str, { maxLength: 5 }] } }),
    new: obj({ p: { allOf: [{ maxLength: 5 }, { enum: ["one"] }, num] } }),
    compatible: false,
    kinds: ["COMBINED_TYPE_SUBSCHEMAS_CHANGED #/properties/p"],
  },
];

const notCases: CompatibilityCase[] = [
  { name: "not narrowed (not number → not integer)", old: { not: num }, new: { not: int }, compatible: true },
  { name: "not extended (not integer → not number)", old: { not: int }, new: { not: num }, compatible: false, kinds: ["NOT_TYPE_EXTENDED #/not"] },
  { name: "not unchanged", old: { not: str }, new: { not: str }, compatible: true },
  { name: "not changed to an unrelated type", old: { not: str }, new: { not: bool }, compatible: false, kinds: ["NOT_TYPE_EXTENDED #/not"] },
];

describe("JSON Schema unions: nullable", () => {
  it.each(nullableCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema unions: oneOf / anyOf", () => {
  it.each(unionCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema unions: criterion changes", () => {
  it.each(criterionCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema unions: allOf", () => {
  it.each(productCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema unions: not", () => {
  it.each(notCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

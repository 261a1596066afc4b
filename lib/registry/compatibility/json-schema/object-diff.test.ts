import { describe, it } from "vitest";
import { closed, type CompatibilityCase, expectCase, int, num, obj, str } from "../compatibility-test-cases";

const contentModelCases: CompatibilityCase[] = [
  { name: "identical open object", old: obj({ a: str }), new: obj({ a: str }), compatible: true },
  {
    name: "optional property added to an open object",
    old: obj({ a: str }),
    new: obj({ a: str, email: str }),
    compatible: false,
    kinds: ["PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/email"],
  },
  {
    name: "required property added to an open object",
    old: obj({ a: str }),
    new: obj({ a: str, email: str }, { required: ["email"] }),
    compatible: false,
    kinds: ["PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/email"],
  },
  {
    name: "property added to an object without a type keyword",
    old: { properties: { a: str } },
    new: { properties: { a: str, b: num } },
    compatible: false,
    kinds: ["PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b"],
  },
  {
    name: "property added to an explicitly open object (additionalProperties: true)",
    old: obj({}, { additionalProperties: true }),
    new: obj({ b: num }, { additionalProperties: true }),
    compatible: false,
    kinds: ["PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b"],
  },
  { name: "property with an empty schema added to an open object", old: obj({}), new: obj({ any: {} }), compatible: true },
  { name: "property with a true schema added to an open object", old: obj({}), new: obj({ any: true }), compatible: true },
  { name: "optional property added to a closed object", old: closed({ a: str }), new: closed({ a: str, b: num }), compatible: true },
  {
    name: "required property added to a closed object",
    old: closed({ a: str }),
    new: closed({ a: str, b: num }, { required: ["b"] }),
    compatible: false,
    kinds: ["REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b"],
  },
  {
    name: "required property with a default added to a closed object",
    old: closed({ a: str }),
    new: closed({ a: str, b: { type: "number", default: 0 } }, { required: ["b"] }),
    compatible: true,
  },
  { name: "property removed from an open object", old: obj({ a: str, b: num }), new: obj({ a: str }), compatible: true },
  {
    name: "property removed from a closed object",
    old: closed({ a: str, b: num }),
    new: closed({ a: str }),
    compatible: false,
    kinds: ["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/b"],
  },
  { name: "false property removed from a closed object", old: closed({ a: str, b: false }), new: closed({ a: str }), compatible: true },
  { name: "false property added to a closed object", old: closed({ a: str }), new: closed({ a: str, b: false }), compatible: true },
  {
    name: "property added and covered by the additionalProperties schema",
    old: obj({ a: str }, { additionalProperties: str }),
    new: obj({ a: str, b: str }, { additionalProperties: str }),
    compatible: true,
  },
  {
    name: "property added with a type the additionalProperties schema does not cover",
    old: obj({ a: str }, { additionalProperties: str }),
    new: obj({ a: str, b: num }, { additionalProperties: str }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/properties/b", "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b"],
  },
  {
    name: "required property added to a partially open object, even when covered",
    old: obj({ a: str }, { additionalProperties: str }),
    new: obj({ a: str, b: str }, { additionalProperties: str, required: ["b"] }),
    compatible: false,
    kinds: ["REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b"],
  },
  {
    name: "property added and covered by a matching patternProperties entry",
    old: closed({ a: str }, { patternProperties: { "^S_": str } }),
    new: closed({ a: str, S_name: str }, { patternProperties: { "^S_": str } }),
    compatible: true,
  },
  {
    name: "property added with a wider type than its patternProperties entry (integer → number)",
    old: closed({}, { patternProperties: { "^I_": int } }),
    new: closed({ I_count: num }, { patternProperties: { "^I_": int } }),
    compatible: true,
  },
  {
    name: "property added with a narrower type than its patternProperties entry (number → integer)",
    old: closed({}, { patternProperties: { "^N_": num } }),
    new: closed({ N_count: int }, { patternProperties: { "^N_": num } }),
    compatible: false,
    kinds: ["TYPE_NARROWED #/properties/N_count", "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/N_count"],
  },
  {
    name: "patternProperties alone makes the model not open: an unmatched optional property may be added",
    old: obj({}, { patternProperties: { "^S_": str } }),
    new: obj({ other: num }, { patternProperties: { "^S_": str } }),
    compatible: true,
  },
  {
    name: "additionalProperties: {} is a partially open model whose empty schema does not cover a typed property",
    old: obj({}, { additionalProperties: {} }),
    new: obj({ b: str }, { additionalProperties: {} }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/properties/b", "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b"],
  },
  {
    name: "property removed from a closed object and covered by the new additionalProperties schema",
    old: closed({ a: str, b: str }),
    new: obj({ a: str }, { additionalProperties: str }),
    compatible: true,
  },
  {
    name: "property removed and not covered by the new additionalProperties schema",
    old: closed({ a: str, b: num }),
    new: obj({ a: str }, { additionalProperties: str }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/properties/b", "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b"],
  },
  {
    name: "property removed and covered by a new patternProperties entry",
    old: closed({ a: str, I_1: int }),
    new: closed({ a: str }, { patternProperties: { "^I_": num } }),
    compatible: true,
  },
  {
    name: "nullable property removed and covered by a nullable additionalProperties schema",
    old: closed({ b: { type: ["string", "null"] } }),
    new: obj({}, { additionalProperties: { type: ["string", "null"] } }),
    compatible: true,
  },
];

const additionalPropertiesCases: CompatibilityCase[] = [
  { name: "closed object opened (additionalProperties false → absent)", old: closed({ a: str }), new: obj({ a: str }), compatible: true },
  {
    name: "open object closed (additionalProperties absent → false)",
    old: obj({ a: str }),
    new: closed({ a: str }),
    compatible: false,
    kinds: ["ADDITIONAL_PROPERTIES_REMOVED #/additionalProperties"],
  },
  {
    name: "additionalProperties true → schema",
    old: obj({}, { additionalProperties: true }),
    new: obj({}, { additionalProperties: num }),
    compatible: false,
    kinds: ["ADDITIONAL_PROPERTIES_NARROWED #/additionalProperties"],
  },
  { name: "additionalProperties schema → true", old: obj({}, { additionalProperties: num }), new: obj({}, { additionalProperties: true }), compatible: true },
  {
    name: "additionalProperties schema type changed",
    old: obj({}, { additionalProperties: str }),
    new: obj({}, { additionalProperties: num }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/additionalProperties"],
  },
  { name: "additionalProperties schema widened integer → number", old: obj({}, { additionalProperties: int }), new: obj({}, { additionalProperties: num }), compatible: true },
  { name: "additionalProperties false → schema", old: closed({}), new: obj({}, { additionalProperties: str }), compatible: true },
];

const requiredCases: CompatibilityCase[] = [
  { name: "required flag removed", old: obj({ a: str }, { required: ["a"] }), new: obj({ a: str }), compatible: true },
  {
    name: "existing property made required",
    old: obj({ a: str }),
    new: obj({ a: str }, { required: ["a"] }),
    compatible: false,
    kinds: ["REQUIRED_ATTRIBUTE_ADDED #/properties/a"],
  },
  { name: "existing property made required with a default", old: obj({ a: str }), new: obj({ a: { type: "string", default: "x" } }, { required: ["a"] }), compatible: true },
  { name: "required names an undeclared property (not compared, as in Confluent)", old: obj({ a: str }), new: obj({ a: str }, { required: ["zzz"] }), compatible: true },
];

const nestedCases: CompatibilityCase[] = [
  {
    name: "type changed in a nested object",
    old: obj({ address: obj({ zip: str }) }),
    new: obj({ address: obj({ zip: num }) }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/properties/address/properties/zip"],
  },
  {
    name: "property added to a nested open object",
    old: closed({ address: obj({ street: str }) }),
    new: closed({ address: obj({ street: str, zip: str }) }),
    compatible: false,
    kinds: ["PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/address/properties/zip"],
  },
  { name: "property added to a nested closed object", old: obj({ address: closed({ street: str }) }), new: obj({ address: closed({ street: str, zip: str }) }), compatible: true },
  {
    name: "property names are escaped in the JSON pointer",
    old: obj({ "a/b~c": str }),
    new: obj({ "a/b~c": num }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/properties/a~1b~0c"],
  },
];

const limitAndDependencyCases: CompatibilityCase[] = [
  { name: "maxProperties added", old: obj({}), new: obj({}, { maxProperties: 3 }), compatible: false, kinds: ["MAX_PROPERTIES_ADDED #/maxProperties"] },
  { name: "maxProperties increased", old: obj({}, { maxProperties: 3 }), new: obj({}, { maxProperties: 4 }), compatible: true },
  { name: "maxProperties decreased", old: obj({}, { maxProperties: 3 }), new: obj({}, { maxProperties: 2 }), compatible: false, kinds: ["MAX_PROPERTIES_DECREASED #/maxProperties"] },
  { name: "maxProperties removed", old: obj({}, { maxProperties: 3 }), new: obj({}), compatible: true },
  { name: "minProperties added", old: obj({}), new: obj({}, { minProperties: 1 }), compatible: false, kinds: ["MIN_PROPERTIES_ADDED #/minProperties"] },
  { name: "minProperties increased", old: obj({}, { minProperties: 1 }), new: obj({}, { minProperties: 2 }), compatible: false, kinds: ["MIN_PROPERTIES_INCREASED #/minProperties"] },
  { name: "minProperties decreased", old: obj({}, { minProperties: 2 }), new: obj({}, { minProperties: 1 }), compatible: true },
  {
    name: "property dependency added",
    old: obj({ a: str, b: str }),
    new: obj({ a: str, b: str }, { dependencies: { a: ["b"] } }),
    compatible: false,
    kinds: ["DEPENDENCY_ARRAY_ADDED #/dependencies/a"],
  },
  { name: "property dependency removed", old: obj({ a: str, b: str }, { dependencies: { a: ["b"] } }), new: obj({ a: str, b: str }), compatible: true },
  {
    name: "property dependency extended",
    old: obj({}, { dependencies: { a: ["b"] } }),
    new: obj({}, { dependencies: { a: ["b", "c"] } }),
    compatible: false,
    kinds: ["DEPENDENCY_ARRAY_EXTENDED #/dependencies/a"],
  },
  { name: "property dependency narrowed", old: obj({}, { dependencies: { a: ["b", "c"] } }), new: obj({}, { dependencies: { a: ["b"] } }), compatible: true },
  {
    name: "property dependency changed",
    old: obj({}, { dependencies: { a: ["b"] } }),
    new: obj({}, { dependencies: { a: ["c"] } }),
    compatible: false,
    kinds: ["DEPENDENCY_ARRAY_CHANGED #/dependencies/a"],
  },
  {
    name: "schema dependency added",
    old: obj({}),
    new: obj({}, { dependencies: { a: { required: ["b"] } } }),
    compatible: false,
    kinds: ["DEPENDENCY_SCHEMA_ADDED #/dependencies/a"],
  },
  { name: "schema dependency removed", old: obj({}, { dependencies: { a: { required: ["b"] } } }), new: obj({}), compatible: true },
  {
    name: "schema dependency changed type",
    old: obj({}, { dependencies: { a: str } }),
    new: obj({}, { dependencies: { a: num } }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/dependencies/a"],
  },
  {
    name: "2020-12 dependentRequired added",
    old: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object" },
    new: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", dependentRequired: { a: ["b"] } },
    compatible: false,
    kinds: ["DEPENDENCY_ARRAY_ADDED #/dependentRequired/a"],
  },
];

describe("JSON Schema objects: content models", () => {
  it.each(contentModelCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema objects: additionalProperties", () => {
  it.each(additionalPropertiesCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema objects: required", () => {
  it.each(requiredCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema objects: nesting", () => {
  it.each(nestedCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema objects: property counts and dependencies", () => {
  it.each(limitAndDependencyCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

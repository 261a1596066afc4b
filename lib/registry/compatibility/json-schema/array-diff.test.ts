import { describe, it } from "vitest";
import { type CompatibilityCase, expectCase, int, num, obj, str } from "../compatibility-test-cases";

const array = (extra: Record<string, unknown>) => ({ type: "array", ...extra });
const draft2020 = (extra: Record<string, unknown>) => ({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "array", ...extra });

const itemsCases: CompatibilityCase[] = [
  { name: "items type changed", old: array({ items: str }), new: array({ items: num }), compatible: false, kinds: ["TYPE_CHANGED #/items"] },
  { name: "items widened integer → number", old: array({ items: int }), new: array({ items: num }), compatible: true },
  { name: "items schema added", old: array({}), new: array({ items: str }), compatible: false, kinds: ["SCHEMA_ADDED #/items"] },
  { name: "items schema removed", old: array({ items: str }), new: array({}), compatible: true },
  { name: "FORWARD items narrowed number → integer", mode: "FORWARD", old: array({ items: num }), new: array({ items: int }), compatible: true },
  {
    name: "property type changed inside array items",
    old: array({ items: obj({ qty: int }) }),
    new: array({ items: obj({ qty: str }) }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/items/properties/qty"],
  },
  {
    name: "property added to open objects inside array items",
    old: array({ items: obj({ qty: int }) }),
    new: array({ items: obj({ qty: int, sku: str }) }),
    compatible: false,
    kinds: ["PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/items/properties/sku"],
  },
  {
    name: "array of arrays: inner items changed",
    old: array({ items: array({ items: int }) }),
    new: array({ items: array({ items: str }) }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/items/items"],
  },
];

const countCases: CompatibilityCase[] = [
  { name: "maxItems added", old: array({}), new: array({ maxItems: 5 }), compatible: false, kinds: ["MAX_ITEMS_ADDED #/maxItems"] },
  { name: "maxItems increased", old: array({ maxItems: 5 }), new: array({ maxItems: 6 }), compatible: true },
  { name: "maxItems decreased", old: array({ maxItems: 5 }), new: array({ maxItems: 4 }), compatible: false, kinds: ["MAX_ITEMS_DECREASED #/maxItems"] },
  { name: "maxItems removed", old: array({ maxItems: 5 }), new: array({}), compatible: true },
  { name: "minItems added", old: array({}), new: array({ minItems: 1 }), compatible: false, kinds: ["MIN_ITEMS_ADDED #/minItems"] },
  { name: "minItems increased", old: array({ minItems: 1 }), new: array({ minItems: 2 }), compatible: false, kinds: ["MIN_ITEMS_INCREASED #/minItems"] },
  { name: "minItems decreased", old: array({ minItems: 2 }), new: array({ minItems: 1 }), compatible: true },
  { name: "minItems removed", old: array({ minItems: 2 }), new: array({}), compatible: true },
  { name: "uniqueItems added", old: array({}), new: array({ uniqueItems: true }), compatible: false, kinds: ["UNIQUE_ITEMS_ADDED #/uniqueItems"] },
  { name: "uniqueItems removed", old: array({ uniqueItems: true }), new: array({}), compatible: true },
  { name: "uniqueItems false is the same as absent", old: array({ uniqueItems: false }), new: array({}), compatible: true },
];

const tupleCases: CompatibilityCase[] = [
  { name: "tuple item type changed", old: array({ items: [str] }), new: array({ items: [num] }), compatible: false, kinds: ["TYPE_CHANGED #/items/0"] },
  {
    name: "tuple item added to an open tuple",
    old: array({ items: [str] }),
    new: array({ items: [str, num] }),
    compatible: false,
    kinds: ["ITEM_ADDED_TO_OPEN_CONTENT_MODEL #/items/1"],
  },
  { name: "tuple item with a true schema added to an open tuple", old: array({ items: [str] }), new: array({ items: [str, true] }), compatible: true },
  {
    name: "tuple item added to a closed tuple",
    old: array({ items: [str], additionalItems: false }),
    new: array({ items: [str, num], additionalItems: false }),
    compatible: true,
  },
  { name: "tuple items removed from an open tuple", old: array({ items: [str, num] }), new: array({}), compatible: true },
  {
    name: "tuple item removed from a closed tuple",
    old: array({ items: [str, num], additionalItems: false }),
    new: array({ items: [str], additionalItems: false }),
    compatible: false,
    kinds: ["ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL #/items/1"],
  },
  {
    name: "false tuple item removed from a closed tuple",
    old: array({ items: [str, false], additionalItems: false }),
    new: array({ items: [str], additionalItems: false }),
    compatible: true,
  },
  {
    name: "tuple item added and covered by additionalItems",
    old: array({ items: [str], additionalItems: str }),
    new: array({ items: [str, str], additionalItems: str }),
    compatible: true,
  },
  {
    name: "tuple item added and not covered by additionalItems",
    old: array({ items: [str], additionalItems: str }),
    new: array({ items: [str, num], additionalItems: str }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/items/1", "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/items/1"],
  },
  {
    name: "tuple item removed and covered by additionalItems",
    old: array({ items: [str, str], additionalItems: str }),
    new: array({ items: [str], additionalItems: str }),
    compatible: true,
  },
  {
    name: "tuple item removed and not covered by additionalItems",
    old: array({ items: [str, num], additionalItems: str }),
    new: array({ items: [str], additionalItems: str }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/items/1", "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/items/1"],
  },
  {
    name: "additionalItems true → false",
    old: array({ items: [str], additionalItems: true }),
    new: array({ items: [str], additionalItems: false }),
    compatible: false,
    kinds: ["ADDITIONAL_ITEMS_REMOVED #/additionalItems"],
  },
  { name: "additionalItems true → false without a tuple", old: { additionalItems: true }, new: { additionalItems: false }, compatible: false, kinds: ["ADDITIONAL_ITEMS_REMOVED #/additionalItems"] },
  { name: "additionalItems false → true", old: array({ items: [str], additionalItems: false }), new: array({ items: [str], additionalItems: true }), compatible: true },
  {
    name: "additionalItems absent → schema",
    old: array({ items: [str] }),
    new: array({ items: [str], additionalItems: num }),
    compatible: false,
    kinds: ["ADDITIONAL_ITEMS_NARROWED #/additionalItems"],
  },
  { name: "additionalItems schema → absent", old: array({ items: [str], additionalItems: num }), new: array({ items: [str] }), compatible: true },
];

const draft2020Cases: CompatibilityCase[] = [
  {
    name: "2020-12 prefixItems type changed",
    old: draft2020({ prefixItems: [str] }),
    new: draft2020({ prefixItems: [num] }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/prefixItems/0"],
  },
  {
    name: "2020-12 prefixItems item added to an open tuple",
    old: draft2020({ prefixItems: [str] }),
    new: draft2020({ prefixItems: [str, num] }),
    compatible: false,
    kinds: ["ITEM_ADDED_TO_OPEN_CONTENT_MODEL #/prefixItems/1"],
  },
  {
    name: "2020-12 prefixItems item added to a tuple closed with items: false",
    old: draft2020({ prefixItems: [str], items: false }),
    new: draft2020({ prefixItems: [str, num], items: false }),
    compatible: true,
  },
  {
    name: "2020-12 tuple closed with items: false",
    old: draft2020({ prefixItems: [str] }),
    new: draft2020({ prefixItems: [str], items: false }),
    compatible: false,
    kinds: ["ADDITIONAL_ITEMS_REMOVED #/items"],
  },
  {
    name: "2020-12 prefixItems item added and covered by items",
    old: draft2020({ prefixItems: [str], items: int }),
    new: draft2020({ prefixItems: [str, num], items: int }),
    compatible: true,
  },
  { name: "2020-12 all-items schema changed", old: draft2020({ items: str }), new: draft2020({ items: num }), compatible: false, kinds: ["TYPE_CHANGED #/items"] },
];

describe("JSON Schema arrays: items", () => {
  it.each(itemsCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema arrays: counts and uniqueness", () => {
  it.each(countCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema arrays: tuples (draft-07)", () => {
  it.each(tupleCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema arrays: 2020-12 prefixItems", () => {
  it.each(draft2020Cases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

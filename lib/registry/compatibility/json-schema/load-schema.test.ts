import { describe, expect, it } from "vitest";
import { checkCompatibility, InvalidSchemaError } from "../check-compatibility";
import { closed, type CompatibilityCase, expectCase, int, num, obj, str } from "../compatibility-test-cases";

const node = (valueType: unknown) => ({
  definitions: { node: obj({ value: valueType, next: { $ref: "#/definitions/node" } }) },
  $ref: "#/definitions/node",
});

const tree = (extra: Record<string, unknown>) =>
  closed({ name: str, children: { type: "array", items: { $ref: "#" } }, ...extra });

const refCases: CompatibilityCase[] = [
  { name: "inline schema moved to a definition", old: str, new: { $ref: "#/definitions/s", definitions: { s: str } }, compatible: true },
  { name: "definition inlined", old: { $ref: "#/definitions/s", definitions: { s: str } }, new: str, compatible: true },
  {
    name: "referenced definition changed type (path follows the reference site)",
    old: { type: "array", items: { $ref: "#/definitions/item" }, definitions: { item: str } },
    new: { type: "array", items: { $ref: "#/definitions/item" }, definitions: { item: num } },
    compatible: false,
    kinds: ["TYPE_CHANGED #/items"],
  },
  {
    name: "2020-12 $defs reference changed type",
    old: { $schema: "https://json-schema.org/draft/2020-12/schema", ...obj({ a: { $ref: "#/$defs/id" } }), $defs: { id: int } },
    new: { $schema: "https://json-schema.org/draft/2020-12/schema", ...obj({ a: { $ref: "#/$defs/id" } }), $defs: { id: str } },
    compatible: false,
    kinds: ["TYPE_CHANGED #/properties/a"],
  },
  {
    name: "one definition used by two properties reports both sites",
    old: { ...obj({ a: { $ref: "#/definitions/d" }, b: { $ref: "#/definitions/d" } }), definitions: { d: str } },
    new: { ...obj({ a: { $ref: "#/definitions/d" }, b: { $ref: "#/definitions/d" } }), definitions: { d: num } },
    compatible: false,
    kinds: ["TYPE_CHANGED #/properties/a", "TYPE_CHANGED #/properties/b"],
  },
  {
    name: "definition name with an escaped slash",
    old: { $ref: "#/definitions/a~1b", definitions: { "a/b": str } },
    new: { $ref: "#/definitions/a~1b", definitions: { "a/b": { type: "string", maxLength: 3 } } },
    compatible: false,
    kinds: ["MAX_LENGTH_ADDED #/maxLength"],
  },
  { name: "draft-07 ignores keywords beside $ref", old: { $ref: "#/definitions/s", definitions: { s: str } }, new: { $ref: "#/definitions/s", maxLength: 1, definitions: { s: str } }, compatible: true },
  { name: "recursive linked list unchanged", old: node(int), new: node(int), compatible: true },
  { name: "recursive linked list widened", old: node(int), new: node(num), compatible: true },
  { name: "recursive linked list changed type", old: node(int), new: node(str), compatible: false, kinds: ["TYPE_CHANGED #/properties/value"] },
  { name: "recursive root reference unchanged", old: tree({}), new: tree({}), compatible: true },
  { name: "recursive root reference gains an optional property", old: tree({}), new: tree({ size: int }), compatible: true },
  {
    name: "recursive root reference loses a property",
    old: tree({ size: int }),
    new: tree({}),
    compatible: false,
    kinds: ["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/size"],
  },
  {
    name: "mutually recursive definitions",
    old: { $ref: "#/definitions/a", definitions: { a: obj({ b: { $ref: "#/definitions/b" } }), b: obj({ a: { $ref: "#/definitions/a" }, n: int }) } },
    new: { $ref: "#/definitions/a", definitions: { a: obj({ b: { $ref: "#/definitions/b" } }), b: obj({ a: { $ref: "#/definitions/a" }, n: str }) } },
    compatible: false,
    kinds: ["TYPE_CHANGED #/properties/b/properties/n"],
  },
];

const invalidJsonSchemas: { name: string; text: string; message: RegExp }[] = [
  { name: "text that is not JSON", text: "{ type: string", message: /not valid JSON/ },
  { name: "a JSON array", text: "[]", message: /object or a boolean/ },
  { name: "a JSON number", text: "42", message: /object or a boolean/ },
  { name: "a JSON string", text: '"string"', message: /object or a boolean/ },
  { name: "an unresolvable $ref", text: JSON.stringify({ $ref: "#/definitions/missing" }), message: /does not resolve/ },
  { name: "a remote $ref", text: JSON.stringify({ $ref: "https://example.com/other.json" }), message: /only local references/ },
  { name: "a circular $ref chain", text: JSON.stringify({ $ref: "#/definitions/a", definitions: { a: { $ref: "#/definitions/b" }, b: { $ref: "#/definitions/a" } } }), message: /circular/ },
  { name: "an unknown type name", text: JSON.stringify({ type: "text" }), message: /unknown type/ },
  { name: "an invalid pattern", text: JSON.stringify({ type: "string", pattern: "([a-z" }), message: /invalid regular expression/ },
  { name: "properties that are not an object", text: JSON.stringify({ properties: [] }), message: /properties must be an object/ },
  { name: "an enum that is not an array", text: JSON.stringify({ enum: "a" }), message: /enum must be an array/ },
  { name: "an empty oneOf", text: JSON.stringify({ oneOf: [] }), message: /non-empty array/ },
  { name: "a minLength that is not a number", text: JSON.stringify({ type: "string", minLength: "1" }), message: /minLength must be a number/ },
  { name: "a property schema that is a number", text: JSON.stringify({ properties: { a: 1 } }), message: /is not a schema/ },
];

describe("JSON Schema references", () => {
  it.each(refCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

describe("JSON Schema parsing", () => {
  it.each(invalidJsonSchemas)("rejects $name with InvalidSchemaError", ({ text, message }) => {
    const check = () => checkCompatibility({ format: "JSON_SCHEMA", mode: "NONE", candidate: text, previous: [] });
    expect(check).toThrow(InvalidSchemaError);
    expect(check).toThrow(message);
  });

  it.each([["true"], ["false"], ["{}"]])("accepts the boolean or empty schema %s", (text) => {
    expect(checkCompatibility({ format: "JSON_SCHEMA", mode: "BACKWARD", candidate: text, previous: [] })).toEqual({ compatible: true, checkedVersions: [] });
  });

  it("carries Confluent's invalid-schema error code", () => {
    try {
      checkCompatibility({ format: "JSON_SCHEMA", mode: "BACKWARD", candidate: "nope", previous: [] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidSchemaError);
      expect((error as InvalidSchemaError).errorCode).toBe(42201);
      expect((error as InvalidSchemaError).format).toBe("JSON_SCHEMA");
    }
  });
});

import { describe, it } from "vitest";
import { closed, type CompatibilityCase, expectCase, num, obj, str } from "../compatibility-test-cases";

// FORWARD runs the BACKWARD diff with the schemas swapped, so a removal is reported with the "added" kind.
const directionAndPolicyCases: CompatibilityCase[] = [
  { name: "LENIENT: optional property added to an open object", policy: "LENIENT", old: obj({ a: str }), new: obj({ a: str, email: str }), compatible: true },
  {
    name: "LENIENT: required property added to an open object",
    policy: "LENIENT",
    old: obj({ a: str }),
    new: obj({ a: str, email: str }, { required: ["email"] }),
    compatible: false,
    kinds: ["REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/email"],
  },
  {
    name: "LENIENT: required property with a default added to an open object",
    policy: "LENIENT",
    old: obj({ a: str }),
    new: obj({ a: str, email: { type: "string", default: "" } }, { required: ["email"] }),
    compatible: true,
  },
  { name: "LENIENT FORWARD: optional property removed from an open object", mode: "FORWARD", policy: "LENIENT", old: obj({ a: str, email: str }), new: obj({ a: str }), compatible: true },
  {
    name: "STRICT FORWARD: property removed from an open object",
    mode: "FORWARD",
    old: obj({ a: str, email: str }),
    new: obj({ a: str }),
    compatible: false,
    kinds: ["PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/email"],
  },
  {
    name: "LENIENT FORWARD: property the previous version requires removed from an open object",
    mode: "FORWARD",
    policy: "LENIENT",
    old: obj({ a: str, email: str }, { required: ["email"] }),
    new: obj({ a: str }),
    compatible: false,
    kinds: ["REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/email"],
  },
  {
    name: "LENIENT relaxes nothing else: a type change is still incompatible",
    policy: "LENIENT",
    old: obj({ a: str }),
    new: obj({ a: num }),
    compatible: false,
    kinds: ["TYPE_CHANGED #/properties/a"],
  },
  { name: "LENIENT FULL: optional property added to an open object", mode: "FULL", policy: "LENIENT", old: obj({ a: str }), new: obj({ a: str, email: str }), compatible: true },
  {
    name: "STRICT FULL: optional property added to an open object",
    mode: "FULL",
    old: obj({ a: str }),
    new: obj({ a: str, email: str }),
    compatible: false,
    kinds: ["PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/email"],
  },
  { name: "FORWARD: optional property added to an open object", mode: "FORWARD", old: obj({ a: str }), new: obj({ a: str, email: str }), compatible: true },
  {
    name: "FORWARD: property added to a closed object",
    mode: "FORWARD",
    old: closed({ a: str }),
    new: closed({ a: str, email: str }),
    compatible: false,
    kinds: ["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/email"],
  },
  { name: "FORWARD: optional property removed from a closed object", mode: "FORWARD", old: closed({ a: str, b: str }), new: closed({ a: str }), compatible: true },
  {
    name: "FORWARD: required property removed from a closed object",
    mode: "FORWARD",
    old: closed({ a: str, b: str }, { required: ["b"] }),
    new: closed({ a: str }),
    compatible: false,
    kinds: ["REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b"],
  },
  { name: "FORWARD: property made required", mode: "FORWARD", old: obj({ a: str }), new: obj({ a: str }, { required: ["a"] }), compatible: true },
  {
    name: "FORWARD: property made optional",
    mode: "FORWARD",
    old: obj({ a: str }, { required: ["a"] }),
    new: obj({ a: str }),
    compatible: false,
    kinds: ["REQUIRED_ATTRIBUTE_ADDED #/properties/a"],
  },
  {
    name: "FULL: closing an open object breaks BACKWARD only",
    mode: "FULL",
    old: obj({ a: str }),
    new: closed({ a: str }),
    compatible: false,
    kinds: ["ADDITIONAL_PROPERTIES_REMOVED #/additionalProperties"],
  },
];

describe("JSON Schema objects: direction and policy", () => {
  it.each(directionAndPolicyCases)("$name", (row) => expectCase("JSON_SCHEMA", row));
});

import { resolveNode } from "./load-schema";
import type { SchemaNode } from "./schema-model";

/** Short human name of what a schema accepts, e.g. "string", "integer", "string with enum", "oneOf of 2 schemas". */
export function describeNode(node: SchemaNode): string {
  const resolved = resolveNode(node);
  switch (resolved.kind) {
    case "empty":
      return "any value";
    case "false":
      return "no value";
    case "number":
      return resolved.integer ? "integer" : "number";
    case "combined":
      return resolved.synthetic
        ? resolved.subschemas.map(describeNode).join(resolved.criterion === "allOf" ? " with " : " or ")
        : `${resolved.criterion} of ${resolved.subschemas.length} schema${resolved.subschemas.length === 1 ? "" : "s"}`;
    case "not":
      return `not ${describeNode(resolved.schema)}`;
    default:
      return resolved.kind;
  }
}

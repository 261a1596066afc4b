import type { CheckDirection, CompatibilityPolicy, SchemaDifference } from "../types";
import { toPointer } from "../json-pointer";
import { compareSchemas } from "./compare-schemas";
import { DiffContext } from "./diff-context";
import { describeDifference } from "./difference-messages";
import { parseJsonSchema } from "./load-schema";
import type { SchemaNode } from "./schema-model";

export { parseJsonSchema };

/**
 * The incompatible differences when data written with `writer` is read with `reader`. `direction` only words the
 * messages: BACKWARD means the writer is the previous version, FORWARD that it is the new schema.
 */
export function jsonSchemaDifferences(
  writer: SchemaNode,
  reader: SchemaNode,
  direction: CheckDirection,
  policy: CompatibilityPolicy,
): SchemaDifference[] {
  return allJsonSchemaDifferences(writer, reader, direction, policy).flatMap(({ compatible, ...difference }) => (compatible ? [] : [difference]));
}

/** Every difference, compatible ones included, each marked — what a diff view shows. */
export function allJsonSchemaDifferences(
  writer: SchemaNode,
  reader: SchemaNode,
  direction: CheckDirection,
  policy: CompatibilityPolicy,
): (SchemaDifference & { compatible: boolean })[] {
  const ctx = DiffContext.create(policy);
  compareSchemas(ctx, writer, reader);
  const seen = new Set<string>();
  const differences: (SchemaDifference & { compatible: boolean })[] = [];
  for (const difference of ctx.differences) {
    const compatible = ctx.isCompatibleKind(difference.kind);
    const path = toPointer(difference.segments);
    const key = `${difference.kind} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { message, fix } = describeDifference(difference, direction);
    differences.push(fix === undefined || compatible ? { kind: difference.kind, path, message, compatible } : { kind: difference.kind, path, message, fix, compatible });
  }
  return differences;
}

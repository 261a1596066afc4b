import { compareArrays } from "./array-diff";
import { compareCombined, compareNot } from "./combined-diff";
import { describeNode } from "./describe-node";
import type { DiffContext } from "./diff-context";
import { resolveNode } from "./load-schema";
import { compareObjects } from "./object-diff";
import { compareConst, compareEnums, compareNumbers, compareStrings } from "./scalar-diff";
import type { ConcreteNode, SchemaNode } from "./schema-model";

/** The recursive comparison, handed to the per-type diffs so they need not import this module back. */
export type CompareFn = (ctx: DiffContext, original: SchemaNode | undefined, update: SchemaNode | undefined) => void;

/**
 * Compares `original` (the writer schema) with `update` (the reader schema) and records every difference in `ctx`,
 * following Confluent's `SchemaDiff.compare`.
 */
export const compareSchemas: CompareFn = (ctx, originalNode, updateNode) => {
  if (!originalNode && !updateNode) return;
  if (!originalNode) return ctx.add("SCHEMA_ADDED");
  if (!updateNode) return ctx.add("SCHEMA_REMOVED");
  const original = resolveNode(originalNode);
  const update = resolveNode(updateNode);

  if (original.kind !== "combined" && update.kind === "combined") {
    if (update.subschemas.length === 1) {
      if (tryCompare(ctx, original, update.subschemas[0])) return;
    } else if (update.criterion !== "allOf") {
      // A plain schema that became a union stays readable when one branch accepts everything it accepted.
      for (const subschema of update.subschemas) {
        if (tryCompare(ctx, original, subschema)) return ctx.add("SUM_TYPE_EXTENDED");
      }
    }
  } else if (original.kind === "combined" && update.kind !== "combined") {
    if (original.subschemas.length === 1) {
      if (tryCompare(ctx, original.subschemas[0], update)) return;
    } else if (original.criterion === "allOf") {
      // Dropping all but one part of an allOf only loosens the constraints.
      for (const subschema of original.subschemas) {
        if (tryCompare(ctx, subschema, update)) return ctx.add("PRODUCT_TYPE_NARROWED");
      }
    }
  }

  if (original.kind !== update.kind) {
    // Anything can be read by an empty schema, and nothing was ever written with `false`.
    if (original.kind !== "false" && update.kind !== "empty") {
      ctx.add("TYPE_CHANGED", undefined, { writer: describeNode(original), reader: describeNode(update) });
    }
    return;
  }

  ctx.memoized(original.uid, update.uid, (sub) => {
    compareAnnotations(sub, original, update);
    compareSameKind(sub, original, update);
  });
};

function tryCompare(ctx: DiffContext, original: SchemaNode | undefined, update: SchemaNode | undefined): boolean {
  const attempt = ctx.fork();
  compareSchemas(attempt, original, update);
  if (!attempt.isCompatible()) return false;
  ctx.addAll(attempt.differences);
  return true;
}

function compareAnnotations(ctx: DiffContext, original: ConcreteNode, update: ConcreteNode): void {
  const before = original.meta;
  const after = update.meta;
  if (before.id !== after.id) ctx.add("ID_CHANGED");
  if (before.title !== after.title) ctx.add("TITLE_CHANGED");
  if (before.description !== after.description) ctx.add("DESCRIPTION_CHANGED");
  if (before.defaultKey !== after.defaultKey) ctx.add("DEFAULT_CHANGED");
}

function compareSameKind(ctx: DiffContext, original: ConcreteNode, update: ConcreteNode): void {
  // The caller checked the kinds are equal; each branch narrows `update` to the same kind as `original`.
  switch (original.kind) {
    case "string":
      if (update.kind === "string") compareStrings(ctx, original, update);
      return;
    case "number":
      if (update.kind === "number") compareNumbers(ctx, original, update);
      return;
    case "enum":
      if (update.kind === "enum") compareEnums(ctx, original, update);
      return;
    case "const":
      if (update.kind === "const") compareConst(ctx, original, update);
      return;
    case "combined":
      if (update.kind === "combined") compareCombined(ctx, original, update, compareSchemas);
      return;
    case "not":
      if (update.kind === "not") compareNot(ctx, original, update, compareSchemas);
      return;
    case "object":
      if (update.kind === "object") compareObjects(ctx, original, update, compareSchemas);
      return;
    case "array":
      if (update.kind === "array") compareArrays(ctx, original, update, compareSchemas);
      return;
    default:
      return;
  }
}

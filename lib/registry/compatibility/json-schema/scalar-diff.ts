import type { DiffContext } from "./diff-context";
import type { JsonSchemaDifferenceKind } from "./difference-kinds";
import type { ConstNode, EnumNode, NumberNode, StringNode } from "./schema-model";

type LimitKinds = Record<"ADDED" | "REMOVED" | "INCREASED" | "DECREASED", JsonSchemaDifferenceKind>;

function limitKinds(prefix: string): LimitKinds {
  return {
    ADDED: `${prefix}_ADDED` as JsonSchemaDifferenceKind,
    REMOVED: `${prefix}_REMOVED` as JsonSchemaDifferenceKind,
    INCREASED: `${prefix}_INCREASED` as JsonSchemaDifferenceKind,
    DECREASED: `${prefix}_DECREASED` as JsonSchemaDifferenceKind,
  };
}

/** Records how a numeric limit keyword (maxLength, minimum, maxItems, …) changed between writer and reader. */
export function compareLimit(
  ctx: DiffContext,
  keyword: string,
  prefix: string,
  original: number | undefined,
  update: number | undefined,
): void {
  if (original === update) return;
  const kinds = limitKinds(prefix);
  const detail = { writer: show(original), reader: show(update) };
  if (original === undefined) ctx.add(kinds.ADDED, keyword, detail);
  else if (update === undefined) ctx.add(kinds.REMOVED, keyword, detail);
  else ctx.add(original < update ? kinds.INCREASED : kinds.DECREASED, keyword, detail);
}

/** Compares maxLength, minLength and pattern, as Confluent's `StringSchemaDiff`. */
export function compareStrings(ctx: DiffContext, original: StringNode, update: StringNode): void {
  compareLimit(ctx, "maxLength", "MAX_LENGTH", original.maxLength, update.maxLength);
  compareLimit(ctx, "minLength", "MIN_LENGTH", original.minLength, update.minLength);
  const detail = { writer: show(original.pattern), reader: show(update.pattern) };
  if (original.pattern === undefined && update.pattern !== undefined) ctx.add("PATTERN_ADDED", "pattern", detail);
  else if (original.pattern !== undefined && update.pattern === undefined) ctx.add("PATTERN_REMOVED", "pattern", detail);
  else if (original.pattern !== update.pattern) ctx.add("PATTERN_CHANGED", "pattern", detail);
}

/** Compares bounds, multipleOf and integer-vs-number, as Confluent's `NumberSchemaDiff`. */
export function compareNumbers(ctx: DiffContext, original: NumberNode, update: NumberNode): void {
  compareLimit(ctx, "maximum", "MAXIMUM", original.maximum, update.maximum);
  compareLimit(ctx, "minimum", "MINIMUM", original.minimum, update.minimum);
  compareLimit(ctx, "exclusiveMaximum", "EXCLUSIVE_MAXIMUM", original.exclusiveMaximum, update.exclusiveMaximum);
  compareLimit(ctx, "exclusiveMinimum", "EXCLUSIVE_MINIMUM", original.exclusiveMinimum, update.exclusiveMinimum);
  compareMultipleOf(ctx, original.multipleOf, update.multipleOf);
  if (original.integer !== update.integer) {
    const detail = { writer: original.integer ? "integer" : "number", reader: update.integer ? "integer" : "number" };
    ctx.add(original.integer ? "TYPE_EXTENDED" : "TYPE_NARROWED", undefined, detail);
  }
}

function compareMultipleOf(ctx: DiffContext, original: number | undefined, update: number | undefined): void {
  if (original === update) return;
  const detail = { writer: show(original), reader: show(update) };
  if (original === undefined) ctx.add("MULTIPLE_OF_ADDED", "multipleOf", detail);
  else if (update === undefined) ctx.add("MULTIPLE_OF_REMOVED", "multipleOf", detail);
  // The reader's step divides the writer's: every value written is still a multiple.
  else if (isWholeMultiple(original, update)) ctx.add("MULTIPLE_OF_REDUCED", "multipleOf", detail);
  else if (isWholeMultiple(update, original)) ctx.add("MULTIPLE_OF_EXPANDED", "multipleOf", detail);
  else ctx.add("MULTIPLE_OF_CHANGED", "multipleOf", detail);
}

/** Whether `value` is a whole multiple of `step`, tolerant of binary floating point (0.3 of 0.1). */
function isWholeMultiple(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

/** Compares enum values as sets: more values read more, fewer values reject old data. */
export function compareEnums(ctx: DiffContext, original: EnumNode, update: EnumNode): void {
  const missing = [...original.values].filter((value) => !update.values.has(value));
  const added = [...update.values].filter((value) => !original.values.has(value));
  if (missing.length === 0 && added.length === 0) return;
  const detail = { writer: missing.join(", "), reader: added.join(", ") };
  if (missing.length === 0) ctx.add("ENUM_ARRAY_EXTENDED", "enum", detail);
  else if (added.length === 0) ctx.add("ENUM_ARRAY_NARROWED", "enum", detail);
  else ctx.add("ENUM_ARRAY_CHANGED", "enum", detail);
}

/** Any change of a `const` value is reported as ENUM_ARRAY_CHANGED, as in Confluent. */
export function compareConst(ctx: DiffContext, original: ConstNode, update: ConstNode): void {
  if (original.value !== update.value) ctx.add("ENUM_ARRAY_CHANGED", "const", { writer: original.value, reader: update.value });
}

/** A keyword value as the message shows it; undefined means the keyword is absent. */
export function show(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

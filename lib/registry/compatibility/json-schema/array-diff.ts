import type { CompareFn } from "./compare-schemas";
import type { DiffContext } from "./diff-context";
import { resolveNode } from "./load-schema";
import { compareLimit } from "./scalar-diff";
import type { ArrayNode, SchemaNode } from "./schema-model";

/**
 * Compares two array schemas the way Confluent's `ArraySchemaDiff` does: the all-items schema, positional items
 * against the tuple's content model, additional items, then the counts and uniqueness.
 */
export function compareArrays(ctx: DiffContext, original: ArrayNode, update: ArrayNode, compare: CompareFn): void {
  ctx.at("items", () => compare(ctx, original.allItems, update.allItems));
  compareTuples(ctx, original, update, compare);
  ctx.at(update.additionalItemsKeyword, () => compareAdditionalItems(ctx, original, update, compare));
  compareLimit(ctx, "maxItems", "MAX_ITEMS", original.maxItems, update.maxItems);
  compareLimit(ctx, "minItems", "MIN_ITEMS", original.minItems, update.minItems);
  if (original.uniqueItems !== update.uniqueItems) {
    const detail = { writer: String(original.uniqueItems), reader: String(update.uniqueItems) };
    ctx.add(original.uniqueItems ? "UNIQUE_ITEMS_REMOVED" : "UNIQUE_ITEMS_ADDED", "uniqueItems", detail);
  }
}

function isOpenContentModel(schema: ArrayNode): boolean {
  return schema.permitsAdditionalItems && !schema.additionalItemsSchema;
}

function compareTuples(ctx: DiffContext, original: ArrayNode, update: ArrayNode, compare: CompareFn): void {
  const before = original.tuple ?? [];
  const after = update.tuple ?? [];
  const keyword = update.tuple ? update.tupleKeyword : original.tupleKeyword;
  for (let index = 0; index < Math.max(before.length, after.length); index++) {
    const writerItem = before[index];
    const readerItem = after[index];
    ctx.at([keyword, String(index)], () => {
      if (writerItem && readerItem) compare(ctx, writerItem, readerItem);
      else if (writerItem) itemRemoved(ctx, writerItem, update, compare);
      else if (readerItem) itemAdded(ctx, readerItem, original, compare);
    });
  }
}

function itemRemoved(ctx: DiffContext, writerItem: SchemaNode, update: ArrayNode, compare: CompareFn): void {
  if (isOpenContentModel(update)) return ctx.add("ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL");
  const covering = update.additionalItemsSchema;
  if (covering) {
    const attempt = ctx.fork();
    compare(attempt, writerItem, covering);
    ctx.addAll(attempt.differences);
    return ctx.add(
      attempt.isCompatible()
        ? "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
        : "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
    );
  }
  ctx.add(
    resolveNode(writerItem).kind === "false"
      ? "ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL"
      : "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL",
  );
}

function itemAdded(ctx: DiffContext, readerItem: SchemaNode, original: ArrayNode, compare: CompareFn): void {
  if (isOpenContentModel(original)) {
    return ctx.add(
      resolveNode(readerItem).kind === "empty"
        ? "ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL"
        : "ITEM_ADDED_TO_OPEN_CONTENT_MODEL",
    );
  }
  const covering = original.additionalItemsSchema;
  if (!covering) return ctx.add("ITEM_ADDED_TO_CLOSED_CONTENT_MODEL");
  const attempt = ctx.fork();
  compare(attempt, covering, readerItem);
  ctx.addAll(attempt.differences);
  ctx.add(
    attempt.isCompatible()
      ? "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
      : "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  );
}

function compareAdditionalItems(ctx: DiffContext, original: ArrayNode, update: ArrayNode, compare: CompareFn): void {
  if (original.permitsAdditionalItems !== update.permitsAdditionalItems) {
    ctx.add(original.permitsAdditionalItems ? "ADDITIONAL_ITEMS_REMOVED" : "ADDITIONAL_ITEMS_ADDED");
  } else if (!original.additionalItemsSchema && update.additionalItemsSchema) {
    ctx.add("ADDITIONAL_ITEMS_NARROWED");
  } else if (original.additionalItemsSchema && !update.additionalItemsSchema) {
    ctx.add("ADDITIONAL_ITEMS_EXTENDED");
  } else {
    compare(ctx, original.additionalItemsSchema, update.additionalItemsSchema);
  }
}

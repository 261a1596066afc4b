import type { CompareFn } from "./compare-schemas";
import type { DiffContext } from "./diff-context";
import { resolveNode } from "./load-schema";
import { compareLimit } from "./scalar-diff";
import type { ObjectNode, SchemaNode } from "./schema-model";

/**
 * Compares two object schemas the way Confluent's `ObjectSchemaDiff` does: required flags, properties against the
 * content model (open, closed or partially open), dependencies, additionalProperties, then property counts.
 */
export function compareObjects(ctx: DiffContext, original: ObjectNode, update: ObjectNode, compare: CompareFn): void {
  compareRequired(ctx, original, update);
  compareProperties(ctx, original, update, compare);
  compareDependencies(ctx, original, update, compare);
  compareAdditionalProperties(ctx, original, update, compare);
  compareLimit(ctx, "maxProperties", "MAX_PROPERTIES", original.maxProperties, update.maxProperties);
  compareLimit(ctx, "minProperties", "MIN_PROPERTIES", original.minProperties, update.minProperties);
}

/** Open: any property may appear with any value; no `patternProperties` and no `additionalProperties` schema. */
export function isOpenContentModel(schema: ObjectNode): boolean {
  return schema.patternProperties.length === 0 && !schema.additionalSchema && schema.permitsAdditional;
}

/** The schema a partially open model applies to an undeclared property `name`, if any. */
function schemaFromPartiallyOpenModel(schema: ObjectNode, name: string): SchemaNode | undefined {
  for (const entry of schema.patternProperties) {
    if (entry.regex.test(name)) return entry.schema;
  }
  return schema.additionalSchema;
}

function hasDefault(node: SchemaNode): boolean {
  return node.meta.hasDefault || resolveNode(node).meta.hasDefault;
}

function compareRequired(ctx: DiffContext, original: ObjectNode, update: ObjectNode): void {
  for (const [name] of original.properties) {
    const updated = update.properties.get(name);
    if (!updated) continue;
    const wasRequired = original.required.has(name);
    const isRequired = update.required.has(name);
    ctx.at(["properties", name], () => {
      if (wasRequired && !isRequired) ctx.add("REQUIRED_ATTRIBUTE_REMOVED");
      else if (!wasRequired && isRequired) {
        ctx.add(hasDefault(updated) ? "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED" : "REQUIRED_ATTRIBUTE_ADDED");
      }
    });
  }
}

function compareProperties(ctx: DiffContext, original: ObjectNode, update: ObjectNode, compare: CompareFn): void {
  const names = new Set([...original.properties.keys(), ...update.properties.keys()]);
  for (const name of names) {
    const before = original.properties.get(name);
    const after = update.properties.get(name);
    ctx.at(["properties", name], () => {
      if (before && after) compare(ctx, before, after);
      else if (before) propertyRemoved(ctx, before, update, name, compare);
      else if (after) propertyAdded(ctx, after, original, update, name, compare);
    });
  }
}

// Only the reader's content model matters: it decides whether the writer's property is still accepted.
function propertyRemoved(ctx: DiffContext, before: SchemaNode, update: ObjectNode, name: string, compare: CompareFn): void {
  if (isOpenContentModel(update)) return ctx.add("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL");
  const covering = schemaFromPartiallyOpenModel(update, name);
  if (covering) {
    const attempt = ctx.fork();
    compare(attempt, before, covering);
    ctx.addAll(attempt.differences);
    return ctx.add(
      attempt.isCompatible()
        ? "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
        : "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
    );
  }
  ctx.add(
    resolveNode(before).kind === "false"
      ? "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL"
      : "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL",
  );
}

// Only the writer's content model matters: it decides what the writer may already have sent under this name.
function propertyAdded(
  ctx: DiffContext,
  after: SchemaNode,
  original: ObjectNode,
  update: ObjectNode,
  name: string,
  compare: CompareFn,
): void {
  const required = update.required.has(name);
  if (isOpenContentModel(original)) {
    if (resolveNode(after).kind === "empty") return ctx.add("PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL");
    if (ctx.policy === "STRICT") return ctx.add("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
    if (!required) return ctx.add("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
    return ctx.add(
      hasDefault(after)
        ? "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL"
        : "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
    );
  }
  const covering = schemaFromPartiallyOpenModel(original, name);
  if (covering) {
    const attempt = ctx.fork();
    compare(attempt, covering, after);
    ctx.addAll(attempt.differences);
    ctx.add(
      attempt.isCompatible()
        ? "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
        : "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
    );
  }
  if (!required) return ctx.add("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL");
  ctx.add(
    hasDefault(after)
      ? "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL"
      : "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL",
  );
}

function compareDependencies(ctx: DiffContext, original: ObjectNode, update: ObjectNode, compare: CompareFn): void {
  const arrayNames = new Set([...original.propertyDependencies.keys(), ...update.propertyDependencies.keys()]);
  for (const name of arrayNames) {
    const before = original.propertyDependencies.get(name);
    const after = update.propertyDependencies.get(name);
    const keyword = (after ?? before)?.keyword ?? "dependencies";
    ctx.at([keyword, name], () => {
      if (!after) return ctx.add("DEPENDENCY_ARRAY_REMOVED");
      if (!before) return ctx.add("DEPENDENCY_ARRAY_ADDED", undefined, { reader: [...after.names].join(", ") });
      const detail = { writer: [...before.names].join(", "), reader: [...after.names].join(", ") };
      const extended = [...before.names].every((dependency) => after.names.has(dependency));
      const narrowed = [...after.names].every((dependency) => before.names.has(dependency));
      if (extended && narrowed) return;
      ctx.add(extended ? "DEPENDENCY_ARRAY_EXTENDED" : narrowed ? "DEPENDENCY_ARRAY_NARROWED" : "DEPENDENCY_ARRAY_CHANGED", undefined, detail);
    });
  }
  const schemaNames = new Set([...original.schemaDependencies.keys(), ...update.schemaDependencies.keys()]);
  for (const name of schemaNames) {
    const before = original.schemaDependencies.get(name);
    const after = update.schemaDependencies.get(name);
    const keyword = (after ?? before)?.keyword ?? "dependencies";
    ctx.at([keyword, name], () => {
      if (!after) ctx.add("DEPENDENCY_SCHEMA_REMOVED");
      else if (!before) ctx.add("DEPENDENCY_SCHEMA_ADDED");
      else compare(ctx, before.schema, after.schema);
    });
  }
}

function compareAdditionalProperties(ctx: DiffContext, original: ObjectNode, update: ObjectNode, compare: CompareFn): void {
  ctx.at("additionalProperties", () => {
    if (original.permitsAdditional !== update.permitsAdditional) {
      ctx.add(update.permitsAdditional ? "ADDITIONAL_PROPERTIES_ADDED" : "ADDITIONAL_PROPERTIES_REMOVED");
    } else if (!original.additionalSchema && update.additionalSchema) {
      ctx.add("ADDITIONAL_PROPERTIES_NARROWED");
    } else if (original.additionalSchema && !update.additionalSchema) {
      ctx.add("ADDITIONAL_PROPERTIES_EXTENDED");
    } else {
      compare(ctx, original.additionalSchema, update.additionalSchema);
    }
  });
}

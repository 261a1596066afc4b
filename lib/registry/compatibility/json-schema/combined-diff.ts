import type { CompareFn } from "./compare-schemas";
import { describeNode } from "./describe-node";
import type { DiffContext, RawDifference } from "./diff-context";
import type { JsonSchemaDifferenceKind } from "./difference-kinds";
import type { CombinedNode, NotNode, SchemaNode } from "./schema-model";

/**
 * Compares two `allOf`/`anyOf`/`oneOf` schemas the way Confluent's `CombinedSchemaDiff` does: the criterion first,
 * then the number of distinct subschemas, then a maximum matching of writer subschemas to reader subschemas that
 * read them compatibly.
 */
export function compareCombined(ctx: DiffContext, original: CombinedNode, update: CombinedNode, compare: CompareFn): void {
  const criterionChange = compareCriteria(original, update);
  if (criterionChange) ctx.add(criterionChange, undefined, { writer: original.criterion, reader: update.criterion });
  if (criterionChange === "COMBINED_TYPE_CHANGED") return;

  const before = distinct(original.subschemas);
  const after = distinct(update.subschemas);
  if (before.length !== after.length) {
    const productType = update.criterion === "allOf";
    if (before.length < after.length) ctx.add(productType ? "PRODUCT_TYPE_EXTENDED" : "SUM_TYPE_EXTENDED");
    else ctx.add(productType ? "PRODUCT_TYPE_NARROWED" : "SUM_TYPE_NARROWED");
  }

  const segments = original.synthetic ? [] : [original.criterion];
  const attempts = before.map(({ node, index }) =>
    after.map(({ node: candidate }) => {
      const attempt = ctx.fork();
      attempt.at([...segments, ...(segments.length > 0 ? [String(index)] : [])], () => compare(attempt, node, candidate));
      return attempt;
    }),
  );
  // edges[i][j]: the differences when writer subschema i is read by reader subschema j, if compatible.
  const edges = attempts.map((row) => row.map((attempt) => (attempt.isCompatible() ? attempt.differences : undefined)));
  const matching = maximumMatching(edges, after.length);
  matching.forEach((readerIndex, writerIndex) => {
    const differences = edges[writerIndex]?.[readerIndex];
    if (differences) ctx.addAll(differences);
  });
  if (matching.size < Math.min(before.length, after.length)) {
    const unmatched = before.map((entry, writerIndex) => ({ ...entry, writerIndex })).filter(({ writerIndex }) => !matching.has(writerIndex));
    const closest = unmatched.flatMap(({ writerIndex }) => closestMismatch(ctx, attempts[writerIndex] ?? []));
    const detail = { writer: unmatched.map(({ node }) => describeNode(node)).join(", ") };
    ctx.add("COMBINED_TYPE_SUBSCHEMAS_CHANGED", undefined, detail, closest);
  }
}

/** The incompatible differences of the reader subschema that comes closest to reading a writer subschema. */
function closestMismatch(ctx: DiffContext, row: DiffContext[]): RawDifference[] {
  const incompatible = row
    .map((attempt) => attempt.differences.filter((difference) => !ctx.isCompatibleKind(difference.kind)))
    .sort((a, b) => a.length - b.length)[0];
  return incompatible ?? [];
}

function compareCriteria(original: CombinedNode, update: CombinedNode): JsonSchemaDifferenceKind | undefined {
  if (original.criterion === update.criterion) return undefined;
  const singleton = (node: CombinedNode) => node.subschemas.length === 1;
  // Any criterion may widen to anyOf; a one-branch allOf/anyOf is also a oneOf; one-branch unions are interchangeable.
  if (update.criterion === "anyOf") return "COMBINED_TYPE_EXTENDED";
  if (update.criterion === "oneOf") return singleton(original) ? "COMBINED_TYPE_EXTENDED" : "COMBINED_TYPE_CHANGED";
  return singleton(original) && singleton(update) ? "COMBINED_TYPE_EXTENDED" : "COMBINED_TYPE_CHANGED";
}

/** Subschemas without duplicates, each with its index in the schema text for the path. */
function distinct(subschemas: SchemaNode[]): { node: SchemaNode; index: number }[] {
  const seen = new Set<string>();
  const result: { node: SchemaNode; index: number }[] = [];
  subschemas.forEach((node, index) => {
    if (seen.has(node.key)) return;
    seen.add(node.key);
    result.push({ node, index });
  });
  return result;
}

/**
 * Maximum bipartite matching (Kuhn's augmenting paths). Candidates are tried cheapest first so that, among equally
 * large matchings, subschemas pair with the reader subschema that differs least.
 * @returns writer index → reader index
 */
function maximumMatching(edges: (RawDifference[] | undefined)[][], readerCount: number): Map<number, number> {
  const readerMatch: (number | undefined)[] = new Array<number | undefined>(readerCount).fill(undefined);
  const candidates = edges.map((row) =>
    row
      .map((differences, reader) => ({ reader, cost: differences?.length ?? -1 }))
      .filter((candidate) => candidate.cost >= 0)
      .sort((a, b) => a.cost - b.cost)
      .map((candidate) => candidate.reader),
  );
  const augment = (writer: number, visited: Set<number>): boolean => {
    for (const reader of candidates[writer] ?? []) {
      if (visited.has(reader)) continue;
      visited.add(reader);
      const current = readerMatch[reader];
      if (current === undefined || augment(current, visited)) {
        readerMatch[reader] = writer;
        return true;
      }
    }
    return false;
  };
  edges.forEach((_, writer) => augment(writer, new Set()));
  const matching = new Map<number, number>();
  readerMatch.forEach((writer, reader) => {
    if (writer !== undefined) matching.set(writer, reader);
  });
  return matching;
}

/**
 * `not` flips the direction: the reader's forbidden schema must forbid no more than the writer's did, so the
 * comparison runs with the two swapped and only its verdict is kept.
 */
export function compareNot(ctx: DiffContext, original: NotNode, update: NotNode, compare: CompareFn): void {
  ctx.at("not", () => {
    const attempt = ctx.fork();
    compare(attempt, update.schema, original.schema);
    ctx.add(attempt.isCompatible() ? "NOT_TYPE_NARROWED" : "NOT_TYPE_EXTENDED");
  });
}

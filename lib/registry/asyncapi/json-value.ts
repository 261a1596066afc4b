/** A plain JSON object as read from a parsed AsyncAPI document. */
export type JsonRecord = Record<string, unknown>;

/** Narrows values handed out by the parser, which types them as `any`. */
export function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A non-empty string, or undefined. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/**
 * Copies a resolved value into plain JSON: drops the parser's `x-parser-*` annotations and turns
 * a reference cycle (the resolver makes recursive `$ref`s into object cycles) back into a `$ref`
 * JSON pointer to the enclosing node, relative to `value` itself.
 */
export function toPlainJson(value: unknown): unknown {
  return copy(value, [], new Map());
}

function copy(value: unknown, path: string[], ancestors: Map<object, string>): unknown {
  if (value === null || typeof value !== "object") return value;
  const seenAt = ancestors.get(value);
  if (seenAt !== undefined) return { $ref: `#${seenAt}` };
  ancestors.set(value, pointer(path));
  try {
    if (Array.isArray(value)) return value.map((item, index) => copy(item, [...path, String(index)], ancestors));
    const result: JsonRecord = {};
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith("x-parser-") || item === undefined) continue;
      result[key] = copy(item, [...path, key], ancestors);
    }
    return result;
  } finally {
    ancestors.delete(value);
  }
}

function pointer(path: string[]): string {
  return path.map((segment) => `/${segment.replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

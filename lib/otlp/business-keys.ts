import type { AttributeValue, Attributes } from "./types";

/** Span attributes that carry business keys unless configured otherwise. */
export const DEFAULT_BUSINESS_KEY_ATTRIBUTES: readonly string[] = ["order.id", "messaging.message.conversation_id"];

/** Older semantic-convention names of key attributes: a span that uses one is indexed under the current name. */
const legacyNames: Readonly<Record<string, string>> = { "messaging.message.conversation_id": "messaging.conversation_id" };

/** A business key found on a span: the attribute's name and its value as a string. */
export interface BusinessKey {
  key: string;
  value: string;
}

/**
 * The business keys on a span, in the order of `attributeNames`: a string, number or boolean
 * value becomes one key, an array one key per such element; empty strings, objects and nulls
 * are skipped, and a repeated key/value pair appears once.
 */
export function extractBusinessKeys(attributes: Attributes, attributeNames: readonly string[] = DEFAULT_BUSINESS_KEY_ATTRIBUTES): BusinessKey[] {
  const keys: BusinessKey[] = [];
  const seen = new Set<string>();
  const add = (key: string, value: AttributeValue | undefined) => {
    const text = scalarText(value);
    if (text === null) return;
    const identity = `${key}\u0000${text}`;
    if (seen.has(identity)) return;
    seen.add(identity);
    keys.push({ key, value: text });
  };
  for (const name of attributeNames) {
    const legacy = legacyNames[name];
    const source = Object.hasOwn(attributes, name) ? name : legacy !== undefined && Object.hasOwn(attributes, legacy) ? legacy : undefined;
    if (source === undefined) continue;
    const value = attributes[source];
    if (Array.isArray(value)) for (const element of value) add(name, element);
    else add(name, value);
  }
  return keys;
}

function scalarText(value: AttributeValue | undefined): string | null {
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

import { toPointer } from "../json-pointer";
import type { CheckDirection } from "../types";
import type { DifferenceDetail, RawDifference } from "./diff-context";
import type { JsonSchemaDifferenceKind } from "./difference-kinds";

/** What a message builder knows about one difference. Writer and reader are named from the direction. */
interface MessageContext {
  direction: CheckDirection;
  /** "`address.zip`", "`tags[]`" or "the root schema". */
  subject: string;
  /** "`zip`": the last property or item the path names. */
  name: string;
  /** Last pointer segment: the keyword for constraint kinds. */
  keyword: string;
  writer: string;
  reader: string;
  detail: DifferenceDetail;
  /** "KIND at #/pointer" for each related difference. */
  related: string[];
}

type Built = { message: string; fix?: string };
type Builder = (c: MessageContext) => Built;

const coveringSchema = `a "patternProperties" entry or an "additionalProperties" schema`;

function backwardOrForward<T>(c: MessageContext, backward: T, forward: T): T {
  return c.direction === "BACKWARD" ? backward : forward;
}

/** Constraint kinds: the reader's value of the keyword is stricter than the writer's. */
const tightened: Builder = (c) => ({
  message:
    `${c.subject}: "${c.keyword}" is ${c.detail.reader ?? "absent"} in ${c.reader} but ${c.detail.writer ?? "absent"} ` +
    `in ${c.writer}, so data written with ${c.writer} can be rejected when read with ${c.reader}.`,
  fix: backwardOrForward(
    c,
    `Keep "${c.keyword}" at least as permissive as in the previous version (${c.detail.writer ?? `which has no "${c.keyword}"`}).`,
    `Keep "${c.keyword}" in the new schema within what the previous version accepts (${c.detail.reader ?? `which has no "${c.keyword}"`}).`,
  ),
});

const requiredAdded: Builder = (c) =>
  backwardOrForward(
    c,
    {
      message: `${c.name} is required in the new schema but data written with the previous version may not contain it.`,
      fix: `Keep ${c.name} optional, or give it a "default" so readers can fill it in.`,
    },
    {
      message: `${c.name} is required by the previous version but the new schema lets producers leave it out, so consumers still on the previous version would reject that data.`,
      fix: `Keep ${c.name} in the new schema and keep it required.`,
    },
  );

const messages: Partial<Record<JsonSchemaDifferenceKind, Builder>> = {
  TYPE_CHANGED: (c) => ({
    message: `${c.subject} is ${c.detail.writer ?? "one type"} in ${c.writer} but ${c.detail.reader ?? "another type"} in ${c.reader}, so values written with ${c.writer} do not match ${c.reader}.`,
    fix: backwardOrForward(
      c,
      `Keep the previous type; to accept more, widen it with a union that still contains it, e.g. "type": ["string", "null"] or "oneOf".`,
      `Make the new schema produce only values the previous version accepts, e.g. keep the previous type.`,
    ),
  }),
  TYPE_NARROWED: (c) => ({
    message: `${c.subject} accepts only integers in ${c.reader} but any number in ${c.writer}, so decimals written with ${c.writer} are rejected.`,
    fix: backwardOrForward(c, `Keep "type": "number".`, `Keep "type": "integer" in the new schema.`),
  }),
  SCHEMA_ADDED: (c) => ({
    message: `${c.subject}: ${c.reader} constrains "${c.keyword}" with a schema that ${c.writer} did not have, so data written with ${c.writer} can be rejected.`,
  }),
  REQUIRED_ATTRIBUTE_ADDED: requiredAdded,
  REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: requiredAdded,
  REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: requiredAdded,
  ADDITIONAL_PROPERTIES_REMOVED: (c) => ({
    message: `${c.subject} forbids undeclared properties ("additionalProperties": false) in ${c.reader} but allowed them in ${c.writer}, so data with extra properties written with ${c.writer} is rejected.`,
    fix: backwardOrForward(c, `Keep the object open, or declare every property producers may send.`, `Keep "additionalProperties": false in the new schema.`),
  }),
  ADDITIONAL_PROPERTIES_NARROWED: (c) => ({
    message: `${c.subject}: ${c.reader} restricts undeclared properties to an "additionalProperties" schema, but ${c.writer} allowed any value for them.`,
    fix: backwardOrForward(c, `Keep "additionalProperties" unrestricted.`, `Give the new schema the same "additionalProperties" schema as the previous version.`),
  }),
  DEPENDENCY_ARRAY_ADDED: (c) => ({
    message: `${c.subject}: ${c.reader} requires ${c.detail.reader ?? "other properties"} whenever this property is present, which ${c.writer} did not.`,
  }),
  DEPENDENCY_ARRAY_EXTENDED: (c) => ({
    message: `${c.subject}: ${c.reader} requires more properties alongside this one (${c.detail.reader ?? ""}) than ${c.writer} (${c.detail.writer ?? ""}).`,
  }),
  DEPENDENCY_ARRAY_CHANGED: (c) => ({
    message: `${c.subject}: the properties required alongside this one changed from ${c.detail.writer ?? ""} in ${c.writer} to ${c.detail.reader ?? ""} in ${c.reader}.`,
  }),
  DEPENDENCY_SCHEMA_ADDED: (c) => ({
    message: `${c.subject}: ${c.reader} adds a dependent schema that ${c.writer} did not have, so data written with ${c.writer} can be rejected.`,
  }),
  PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: (c) =>
    backwardOrForward(
      c,
      {
        message: `${c.name} was added to an open object: old producers may already send ${c.name} with another type, because the previous version accepted any undeclared property.`,
        fix: `Close the object ("additionalProperties": false), use a partially-open model (${coveringSchema} that covers ${c.name}), or switch the policy to LENIENT, which accepts optional properties added to open objects.`,
      },
      {
        message: `${c.name} was removed from an open object: new producers may send ${c.name} with any type, but consumers still on the previous version expect its old type.`,
        fix: `Keep ${c.name} in the new schema, close the new schema with "additionalProperties": false, use a partially-open model (${coveringSchema} that still describes ${c.name}), or switch the policy to LENIENT.`,
      },
    ),
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL: (c) =>
    backwardOrForward(
      c,
      {
        message: `${c.name} was removed from a closed object ("additionalProperties": false): data written with the previous version may contain ${c.name}, which the new schema now rejects.`,
        fix: `Keep ${c.name} (mark it deprecated in its description), or accept it through ${coveringSchema}.`,
      },
      {
        message: `${c.name} was added, but the previous version is a closed object without it: consumers still on the previous version reject data that contains ${c.name}.`,
        fix: `First register a version whose content model accepts ${c.name} (${coveringSchema}), or check BACKWARD only.`,
      },
    ),
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (c) =>
    backwardOrForward(
      c,
      {
        message: `${c.name} was removed, and the partially-open model (${coveringSchema}) that now applies to it does not accept every value the previous version allowed.`,
        fix: `Keep ${c.name}, or widen the covering schema to accept its previous values.`,
      },
      {
        message: `${c.name} was added with values that the previous version's partially-open model (${coveringSchema}) rejects for that name.`,
        fix: `Restrict ${c.name} to values the previous version's covering schema accepts.`,
      },
    ),
  PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (c) =>
    backwardOrForward(
      c,
      {
        message: `${c.name} was added, but the previous version's partially-open model (${coveringSchema}) let producers send ${c.name} with values the new definition rejects.`,
        fix: `Make the schema of ${c.name} accept at least what the covering schema accepts.`,
      },
      {
        message: `${c.name} was removed: the new schema's partially-open model (${coveringSchema}) now applies to it and allows values the previous version's definition of ${c.name} rejects.`,
        fix: `Keep ${c.name}, or narrow the covering schema.`,
      },
    ),
  ITEM_ADDED_TO_OPEN_CONTENT_MODEL: (c) => ({
    message: `${c.subject}: a positional item was ${backwardOrForward(c, "added", "removed")} in an array that accepts any extra items, so ${backwardOrForward(c, "old", "new")} producers may send a value of another type at that position.`,
    fix: `Close the tuple with "additionalItems": false (2020-12: "items": false) or describe extra items with a schema that covers the item.`,
  }),
  ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL: (c) => ({
    message: `${c.subject}: a positional item was ${backwardOrForward(c, "removed", "added")} in an array that forbids extra items, so data written with ${c.writer} that has it is rejected by ${c.reader}.`,
    fix: `Keep the item, or allow extra items with "additionalItems" (2020-12: "items").`,
  }),
  ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (c) => ({
    message: `${c.subject}: a positional item was ${backwardOrForward(c, "removed", "added")}, and the schema for extra items in ${c.reader} does not accept every value ${c.writer} allowed there.`,
  }),
  ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (c) => ({
    message: `${c.subject}: a positional item was ${backwardOrForward(c, "added", "removed")}, but ${c.writer} allowed extra items there with values ${c.reader} rejects.`,
  }),
  ADDITIONAL_ITEMS_REMOVED: (c) => ({
    message: `${c.subject}: ${c.reader} forbids items beyond the tuple, which ${c.writer} allowed.`,
  }),
  ADDITIONAL_ITEMS_NARROWED: (c) => ({
    message: `${c.subject}: ${c.reader} restricts items beyond the tuple to a schema, but ${c.writer} allowed any value.`,
  }),
  ENUM_ARRAY_NARROWED: (c) => ({
    message: `${c.subject}: ${c.writer} allows ${c.detail.writer ?? "values"} which ${c.reader} does not accept.`,
    fix: backwardOrForward(c, `Keep every previous value (document it as deprecated instead).`, `Add values only once every consumer reads them, or check BACKWARD only.`),
  }),
  ENUM_ARRAY_CHANGED: (c) => ({
    message:
      c.keyword === "const"
        ? `${c.subject}: "const" is ${c.detail.reader ?? ""} in ${c.reader} but ${c.detail.writer ?? ""} in ${c.writer}.`
        : `${c.subject}: ${c.writer} allows ${c.detail.writer ?? "values"} which ${c.reader} does not accept.`,
  }),
  PRODUCT_TYPE_EXTENDED: (c) => ({
    message: `${c.subject}: the "allOf" in ${c.reader} has more schemas than in ${c.writer}, so values written with ${c.writer} may not satisfy the new ones.`,
  }),
  SUM_TYPE_NARROWED: (c) => ({
    message: `${c.subject}: the union in ${c.reader} has fewer options than in ${c.writer}, so values written with ${c.writer} for a dropped option are rejected.`,
    fix: backwardOrForward(c, `Keep every previous option of the union.`, `Add union options only once every consumer reads them.`),
  }),
  COMBINED_TYPE_CHANGED: (c) => ({
    message: `${c.subject}: the combination changed from "${c.detail.writer ?? ""}" in ${c.writer} to "${c.detail.reader ?? ""}" in ${c.reader}, which accepts less.`,
    fix: `Use "anyOf" in ${c.reader === "the new schema" ? "the new schema" : "both"}, or keep the previous keyword.`,
  }),
  COMBINED_TYPE_SUBSCHEMAS_CHANGED: (c) => ({
    message:
      `${c.subject}: ${c.detail.writer ?? "a subschema"} in ${c.writer} has no compatible counterpart in ${c.reader}` +
      (c.related.length > 0 ? ` (closest match fails with ${c.related.join(", ")}).` : "."),
  }),
  NOT_TYPE_EXTENDED: (c) => ({
    message: `${c.subject}: the "not" in ${c.reader} forbids values that ${c.writer} allowed.`,
  }),
};

/** Writes the message (and fix, where there is one) of a difference found in `direction`. */
export function describeDifference(difference: RawDifference, direction: CheckDirection): Built {
  const context: MessageContext = {
    direction,
    subject: locationLabel(difference.segments),
    name: nameLabel(difference.segments),
    keyword: difference.segments.at(-1) ?? "",
    writer: direction === "BACKWARD" ? "the previous version" : "the new schema",
    reader: direction === "BACKWARD" ? "the new schema" : "the previous version",
    detail: difference.detail ?? {},
    related: (difference.related ?? []).map((inner) => `${inner.kind} at ${toPointer(inner.segments)}`),
  };
  const builder = messages[difference.kind] ?? (isTightening(difference.kind) ? tightened : undefined);
  const built = builder ? builder(context) : { message: `${context.subject}: ${difference.kind.toLowerCase().replace(/_/g, " ")}.` };
  return { ...built, message: built.message.charAt(0).toUpperCase() + built.message.slice(1) };
}

function isTightening(kind: JsonSchemaDifferenceKind): boolean {
  return /_(ADDED|INCREASED|DECREASED|CHANGED|EXPANDED)$/.test(kind);
}

const subschemaKeywords = new Set(["allOf", "anyOf", "oneOf"]);
const namedKeywords = new Set(["properties", "patternProperties", "dependencies", "dependentRequired", "dependentSchemas"]);

/** A readable location: property names joined by dots, `[]` for array items, `[n]` for positions. */
function locationLabel(segments: readonly string[]): string {
  let label = "";
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] ?? "";
    const next = segments[index + 1];
    if (namedKeywords.has(segment) && next !== undefined) {
      label += label ? `.${next}` : next;
      index++;
    } else if ((segment === "items" || segment === "prefixItems") && next !== undefined && /^\d+$/.test(next)) {
      label += `[${next}]`;
      index++;
    } else if (next === undefined && (segment === "additionalProperties" || segment === "additionalItems" || segment === "items")) {
      // The keyword itself changed: the location is the object or array that has it.
    } else if (segment === "items" || segment === "additionalItems") {
      label += "[]";
    } else if (segment === "additionalProperties") {
      label += label ? ".*" : "*";
    } else if (subschemaKeywords.has(segment) && next !== undefined) {
      index++;
    }
  }
  return label ? `\`${label}\`` : "the root schema";
}

function nameLabel(segments: readonly string[]): string {
  for (let index = segments.length - 2; index >= 0; index--) {
    if (namedKeywords.has(segments[index] ?? "")) return `\`${segments[index + 1] ?? ""}\``;
  }
  return locationLabel(segments);
}

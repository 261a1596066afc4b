import avro from "avsc";
import type { Schema, Type, types } from "avsc";
import { InvalidSchemaError } from "./invalid-schema-error";
import { toPointer } from "./json-pointer";
import type { AvroDifferenceKind, CheckDirection, SchemaDifference } from "./types";

/** The one kind of Avro difference: the reader schema cannot resolve data written with the writer schema. */
export const avroDifferenceKind: AvroDifferenceKind = "AVRO_READER_CANNOT_READ_WRITER";

/**
 * Parses Avro schema text with avsc, which also checks field defaults against their types.
 * @throws InvalidSchemaError when the text is not JSON or not a valid Avro schema.
 */
export function parseAvroSchema(text: string): Type {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InvalidSchemaError("AVRO", `the text is not valid JSON (${errorMessage(error)})`, { cause: error });
  }
  try {
    return avro.Type.forSchema(raw as Schema);
  } catch (error) {
    throw new InvalidSchemaError("AVRO", errorMessage(error), { cause: error });
  }
}

/**
 * The differences when data written with `writer` is read with `reader`, decided by avsc's resolver (the Avro
 * specification's schema resolution: defaults, promotions, enum defaults, unions, aliases). When the resolver
 * refuses, the schemas are walked to name the field it stumbled on.
 */
export function avroDifferences(writer: Type, reader: Type, direction: CheckDirection): SchemaDifference[] {
  if (canRead(reader, writer)) return [];
  const labels = direction === "BACKWARD" ? { reader: "the new schema", writer: "the previous version" } : { reader: "the previous version", writer: "the new schema" };
  const found = locate(reader, writer, [], labels);
  const opening = direction === "BACKWARD"
    ? "The new schema cannot read data written with the previous version"
    : "Consumers still on the previous version cannot read data written with the new schema";
  const difference: SchemaDifference = { kind: avroDifferenceKind, path: toPointer(found.segments), message: `${opening}: ${found.reason}.` };
  if (found.fix) difference.fix = found.fix;
  return [difference];
}

interface Found {
  segments: string[];
  reason: string;
  fix?: string;
}

type Labels = { reader: string; writer: string };

function canRead(reader: Type, writer: Type): boolean {
  try {
    // Java Avro, which Confluent uses, matches named types by their unqualified name (or an alias).
    reader.createResolver(writer, { ignoreNamespaces: true });
    return true;
  } catch {
    return false;
  }
}

// Mirrors the resolver's descent only to find where it fails; whether it fails is always the resolver's answer.
function locate(reader: Type, writer: Type, segments: string[], labels: Labels): Found {
  const writerBranches = unionBranches(writer);
  if (writerBranches) {
    const unreadable = writerBranches.find((branch) => !canRead(reader, branch));
    if (unreadable) return locate(reader, unreadable, segments, labels);
  }
  if (unionBranches(reader)) {
    return {
      segments,
      reason: `no branch of the union ${describe(reader)} in ${labels.reader} can read ${describe(writer)} from ${labels.writer}`,
      fix: `Add a branch that can read ${describe(writer)} to the union.`,
    };
  }
  if (isNamed(reader) && isNamed(writer) && reader.typeName === writer.typeName && !namesMatch(reader, writer)) {
    return {
      segments,
      reason: `${labels.reader} names the ${reader.typeName} "${reader.name ?? ""}" but ${labels.writer} names it "${writer.name ?? ""}"`,
      fix: `Keep the name, or list the other name in "aliases".`,
    };
  }
  if (avro.Type.isType(reader, "record", "error") && avro.Type.isType(writer, "record", "error")) {
    const found = locateInRecord(reader as types.RecordType, writer as types.RecordType, segments, labels);
    if (found) return found;
  }
  if (reader instanceof avro.types.ArrayType && writer instanceof avro.types.ArrayType) {
    return locate(reader.itemsType, writer.itemsType, [...segments, "items"], labels);
  }
  if (reader instanceof avro.types.MapType && writer instanceof avro.types.MapType) {
    return locate(reader.valuesType as Type, writer.valuesType as Type, [...segments, "values"], labels);
  }
  if (reader instanceof avro.types.EnumType && writer instanceof avro.types.EnumType) {
    const missing = writer.symbols.filter((symbol) => !reader.symbols.includes(symbol));
    return {
      segments: [...segments, "symbols"],
      reason: `the enum "${reader.name ?? ""}" in ${labels.reader} lacks the symbol${missing.length === 1 ? "" : "s"} ${missing.join(", ")} and has no "default" symbol to fall back to`,
      fix: `Keep every symbol, or give the reader's enum a "default" symbol.`,
    };
  }
  if (reader instanceof avro.types.FixedType && writer instanceof avro.types.FixedType && reader.size !== writer.size) {
    return { segments, reason: `the fixed "${reader.name ?? ""}" has size ${reader.size} in ${labels.reader} but ${writer.size} in ${labels.writer}` };
  }
  const field = fieldLabel(segments);
  return {
    segments,
    reason: `${field ? `field ${field} is ` : ""}${describe(writer)} in ${labels.writer} and cannot be read as ${describe(reader)} (Avro only promotes int → long → float → double and string ↔ bytes)`,
    fix: `Keep the type, use a type it promotes to, or a union that includes it.`,
  };
}

function locateInRecord(reader: types.RecordType, writer: types.RecordType, segments: string[], labels: Labels): Found | undefined {
  const writerFields = new Map(writer.fields.map((field) => [field.name, field]));
  for (const field of reader.fields) {
    const path = [...segments, "fields", field.name];
    const match = [field.name, ...(field.aliases ?? [])].map((name) => writerFields.get(name)).find(Boolean);
    if (!match) {
      if (field.defaultValue() !== undefined) continue;
      return {
        segments: path,
        reason: `field \`${field.name}\` has no "default" in ${labels.reader}, and ${labels.writer} does not have it`,
        fix: `Give \`${field.name}\` a "default" (for an optional field: "type": ["null", …] with "default": null).`,
      };
    }
    if (!canRead(field.type, match.type)) return locate(field.type, match.type, path, labels);
  }
  return undefined;
}

/** "`address.zip`" for ["fields", "address", "fields", "zip"]; empty at the root. */
function fieldLabel(segments: string[]): string {
  const names = segments.filter((_, index) => segments[index - 1] === "fields");
  return names.length > 0 ? `\`${names.join(".")}\`` : "";
}

function unionBranches(type: Type): Type[] | undefined {
  if (type instanceof avro.types.UnwrappedUnionType || type instanceof avro.types.WrappedUnionType) return type.types;
  return undefined;
}

function isNamed(type: Type): boolean {
  return avro.Type.isType(type, "record", "error", "enum", "fixed");
}

function namesMatch(reader: Type, writer: Type): boolean {
  if (writer.name === undefined) return true;
  const name = unqualified(writer.name);
  return [reader.name ?? "", ...(reader.aliases ?? [])].some((candidate) => unqualified(candidate) === name);
}

function unqualified(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}

function describe(type: Type): string {
  const branches = unionBranches(type);
  if (branches) return `[${branches.map(describe).join(", ")}]`;
  if (type instanceof avro.types.ArrayType) return `array of ${describe(type.itemsType)}`;
  if (type instanceof avro.types.MapType) return `map of ${describe(type.valuesType as Type)}`;
  return type.name ? `${type.typeName} "${type.name}"` : `"${type.typeName}"`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

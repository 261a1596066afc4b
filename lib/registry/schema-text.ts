import { createHash } from "node:crypto";
import { AppError } from "../errors";
import { checkCompatibility, InvalidSchemaError, type SchemaFormat } from "./compatibility/check-compatibility";

/** Largest schema text accepted, in bytes (UTF-8). */
export const maxSchemaBytes = 1024 * 1024;

export interface PreparedSchema {
  format: SchemaFormat;
  /** Compact JSON, key order kept: the form that is stored and fingerprinted. */
  text: string;
  /** Same text and format → same fingerprint → same global schema id. */
  fingerprint: string;
  /** Property / field names at any depth, for catalog search. */
  fieldNames: string[];
}

/**
 * Validates a schema text and brings it to its stored form. Throws AppError UNPROCESSABLE
 * (reason INVALID_SCHEMA) with the parser's explanation when the text is not a valid schema.
 */
export function prepareSchema(format: SchemaFormat, text: string): PreparedSchema {
  if (Buffer.byteLength(text, "utf8") > maxSchemaBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `schema: larger than ${maxSchemaBytes} bytes`, { reason: "INVALID_SCHEMA" });
  }
  try {
    checkCompatibility({ format, mode: "NONE", candidate: text, previous: [] });
  } catch (error) {
    if (error instanceof InvalidSchemaError) throw new AppError("UNPROCESSABLE", error.message, { reason: "INVALID_SCHEMA", cause: error });
    throw error;
  }
  const parsed = JSON.parse(text) as unknown;
  const canonical = JSON.stringify(parsed);
  return {
    format,
    text: canonical,
    fingerprint: createHash("sha256").update(`${format}\n${canonical}`).digest("hex"),
    fieldNames: schemaFieldNames(format, canonical),
  };
}

/** Property / field names at any depth of a stored schema text. */
export function schemaFieldNames(format: SchemaFormat, text: string): string[] {
  return [...collectFieldNames(format, JSON.parse(text), new Set())].sort();
}

function collectFieldNames(format: SchemaFormat, node: unknown, names: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) collectFieldNames(format, item, names);
  } else if (node !== null && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (format === "JSON_SCHEMA" && record.properties && typeof record.properties === "object") {
      for (const name of Object.keys(record.properties)) names.add(name);
    }
    if (format === "AVRO" && record.type === "record" && Array.isArray(record.fields)) {
      for (const field of record.fields as { name?: unknown }[]) if (typeof field.name === "string") names.add(field.name);
    }
    for (const value of Object.values(record)) collectFieldNames(format, value, names);
  }
  return names;
}

import { InvalidSchemaError } from "../invalid-schema-error";
import type { NodeMeta, NumberNode } from "./schema-model";

/** Parsed JSON as the loader walks it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Canonical JSON with sorted keys, so equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The annotations Confluent compares: $id (or id), title, description and default. */
export function readMeta(raw: JsonObject): NodeMeta {
  const id = typeof raw.$id === "string" ? raw.$id : typeof raw.id === "string" ? raw.id : undefined;
  const hasDefault = Object.hasOwn(raw, "default");
  return {
    id,
    title: typeof raw.title === "string" ? raw.title : undefined,
    description: typeof raw.description === "string" ? raw.description : undefined,
    hasDefault,
    defaultKey: hasDefault ? canonicalJson(raw.default) : undefined,
  };
}

/** Compiles an ECMA-262 pattern, with the unicode flag when the pattern allows it. */
export function compilePattern(source: string, at: string): RegExp {
  try {
    return new RegExp(source, "u");
  } catch {
    try {
      return new RegExp(source);
    } catch (error) {
      throw invalid(`${at} has an invalid regular expression ${JSON.stringify(source)}`, error);
    }
  }
}

/** Whether a JSON value is an object (not null, not an array). */
export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object value of `keyword`, `{}` when absent. */
export function objectKeyword(raw: JsonObject, keyword: string, at: string): JsonObject {
  const value = raw[keyword];
  if (value === undefined) return {};
  if (!isObject(value)) throw invalid(`${at}/${keyword} must be an object`);
  return value;
}

/** The finite number value of `keyword`, if present. */
export function optionalNumber(raw: JsonObject, keyword: string, at: string): number | undefined {
  const value = raw[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) throw invalid(`${at}/${keyword} must be a number`);
  return value;
}

/** The string value of `keyword`, if present. */
export function optionalString(raw: JsonObject, keyword: string, at: string): string | undefined {
  const value = raw[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalid(`${at}/${keyword} must be a string`);
  return value;
}

/** A JSON array of strings, such as `required`. */
export function stringArray(value: Json, at: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) throw invalid(`${at} must be an array of strings`);
  return value as string[];
}

/** The error for JSON Schema text that is not a usable schema. */
export function invalid(reason: string, cause?: unknown): InvalidSchemaError {
  return new InvalidSchemaError("JSON_SCHEMA", reason, cause === undefined ? undefined : { cause });
}

/** A number node from the numeric keywords of `raw`. */
export function numberNode(raw: JsonObject, at: string, base: Pick<NumberNode, "uid" | "key" | "meta">, integer: boolean): NumberNode {
  let minimum = optionalNumber(raw, "minimum", at);
  let maximum = optionalNumber(raw, "maximum", at);
  let exclusiveMinimum: number | undefined;
  let exclusiveMaximum: number | undefined;
  // Draft-04 spells exclusivity as a boolean flag on minimum/maximum.
  if (typeof raw.exclusiveMinimum === "boolean") {
    if (raw.exclusiveMinimum) [exclusiveMinimum, minimum] = [minimum, undefined];
  } else {
    exclusiveMinimum = optionalNumber(raw, "exclusiveMinimum", at);
  }
  if (typeof raw.exclusiveMaximum === "boolean") {
    if (raw.exclusiveMaximum) [exclusiveMaximum, maximum] = [maximum, undefined];
  } else {
    exclusiveMaximum = optionalNumber(raw, "exclusiveMaximum", at);
  }
  const multipleOf = optionalNumber(raw, "multipleOf", at);
  if (multipleOf !== undefined && multipleOf <= 0) throw invalid(`${at}/multipleOf must be greater than 0`);
  return { kind: "number", ...base, integer, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf };
}

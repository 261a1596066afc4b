import type { Type } from "avsc";
import { avroDifferences, parseAvroSchema } from "./avro-compatibility";
import { InvalidSchemaError } from "./invalid-schema-error";
import { allJsonSchemaDifferences, jsonSchemaDifferences, parseJsonSchema } from "./json-schema/json-schema-compatibility";
import type { SchemaNode } from "./json-schema/schema-model";
import type {
  SchemaFormat,
  CheckCompatibilityInput,
  CheckDirection,
  CompatibilityMode,
  CompatibilityPolicy,
  CompatibilityResult,
  SchemaDifference,
} from "./types";

export { InvalidSchemaError } from "./invalid-schema-error";
export type {
  AvroDifferenceKind,
  CheckCompatibilityInput,
  CheckDirection,
  CompatibilityMode,
  CompatibilityPolicy,
  CompatibilityResult,
  DifferenceKind,
  PreviousSchema,
  SchemaDifference,
  SchemaFormat,
} from "./types";
export type { JsonSchemaDifferenceKind } from "./json-schema/difference-kinds";

interface FormatEngine<Parsed> {
  parse(text: string): Parsed;
  /** Incompatible differences when data written with `writer` is read with `reader`. */
  differences(writer: Parsed, reader: Parsed, direction: CheckDirection, policy: CompatibilityPolicy): SchemaDifference[];
}

const jsonSchemaEngine: FormatEngine<SchemaNode> = { parse: parseJsonSchema, differences: jsonSchemaDifferences };
// The policy only relaxes a JSON Schema content-model rule; Avro resolution has no such rule.
const avroEngine: FormatEngine<Type> = { parse: parseAvroSchema, differences: (writer, reader, direction) => avroDifferences(writer, reader, direction) };

const directionsByMode: Record<CompatibilityMode, CheckDirection[]> = {
  BACKWARD: ["BACKWARD"],
  BACKWARD_TRANSITIVE: ["BACKWARD"],
  FORWARD: ["FORWARD"],
  FORWARD_TRANSITIVE: ["FORWARD"],
  FULL: ["BACKWARD", "FORWARD"],
  FULL_TRANSITIVE: ["BACKWARD", "FORWARD"],
  NONE: [],
};

/**
 * Checks a candidate schema against the registered versions of a subject with Confluent Schema Registry semantics.
 * BACKWARD: the candidate reads data written with the latest version; FORWARD: the latest version reads data written
 * with the candidate; FULL: both. The *_TRANSITIVE modes check every version, newest first; NONE checks nothing.
 *
 * @throws InvalidSchemaError when the candidate (or a previous version) is not a valid schema of `format`.
 */
export function checkCompatibility(input: CheckCompatibilityInput): CompatibilityResult {
  return input.format === "AVRO" ? run(input, avroEngine) : run(input, jsonSchemaEngine);
}

function run<Parsed>(input: CheckCompatibilityInput, engine: FormatEngine<Parsed>): CompatibilityResult {
  const policy = input.policy ?? "STRICT";
  // Parsed even when nothing is checked: an invalid schema is never registered, whatever the mode.
  const candidate = engine.parse(input.candidate);
  const directions = directionsByMode[input.mode];
  if (directions.length === 0 || input.previous.length === 0) return { compatible: true, checkedVersions: [] };

  const latest = input.previous.at(-1);
  const targets = input.mode.endsWith("_TRANSITIVE") ? [...input.previous].reverse() : latest ? [latest] : [];
  const differences: SchemaDifference[] = [];
  for (const target of targets) {
    const previous = parsePrevious(engine, target.schema, target.version);
    for (const direction of directions) {
      const [writer, reader] = direction === "BACKWARD" ? [previous, candidate] : [candidate, previous];
      for (const difference of engine.differences(writer, reader, direction, policy)) {
        differences.push({ ...difference, againstVersion: target.version });
      }
    }
  }
  const checkedVersions = targets.map((target) => target.version);
  return differences.length === 0 ? { compatible: true, checkedVersions } : { compatible: false, checkedVersions, differences };
}

function parsePrevious<Parsed>(engine: FormatEngine<Parsed>, text: string, version: number): Parsed {
  try {
    return engine.parse(text);
  } catch (error) {
    if (!(error instanceof InvalidSchemaError)) throw error;
    throw new InvalidSchemaError(error.format, `registered version ${version} cannot be parsed: ${error.message}`, { cause: error });
  }
}

/** One difference of a diff between two versions, marked as the mode judges it. */
export interface VersionDifference extends SchemaDifference {
  compatible: boolean;
  direction: CheckDirection;
}

/**
 * Every difference between two versions (`from` older, `to` newer), in the directions the mode
 * checks, each marked compatible or not. Under NONE the differences are listed BACKWARD and all
 * count as compatible. Avro's resolver reports only what breaks, so Avro lists breaking ones only.
 */
export function diffSchemas(input: { format: SchemaFormat; mode: CompatibilityMode; policy?: CompatibilityPolicy; from: string; to: string }): {
  compatible: boolean;
  differences: VersionDifference[];
} {
  const policy = input.policy ?? "STRICT";
  const directions: CheckDirection[] = input.mode === "NONE" ? ["BACKWARD"] : directionsByMode[input.mode];
  const differences: VersionDifference[] = [];
  for (const direction of directions) {
    if (input.format === "AVRO") {
      const [from, to] = [parseAvroSchema(input.from), parseAvroSchema(input.to)];
      const [writer, reader] = direction === "BACKWARD" ? [from, to] : [to, from];
      for (const difference of avroDifferences(writer, reader, direction)) differences.push({ ...difference, compatible: false, direction });
    } else {
      const [from, to] = [parseJsonSchema(input.from), parseJsonSchema(input.to)];
      const [writer, reader] = direction === "BACKWARD" ? [from, to] : [to, from];
      for (const difference of allJsonSchemaDifferences(writer, reader, direction, policy)) differences.push({ ...difference, direction });
    }
  }
  const judged = input.mode === "NONE" ? differences.map((difference) => ({ ...difference, compatible: true })) : differences;
  return { compatible: judged.every((difference) => difference.compatible), differences: judged };
}

import type { JsonSchemaDifferenceKind } from "./json-schema/difference-kinds";

/** Confluent Schema Registry compatibility levels. */
export const compatibilityModes = ["BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE", "NONE"] as const;
export type CompatibilityMode = (typeof compatibilityModes)[number];

/**
 * STRICT is Confluent's behaviour. LENIENT differs in one rule only: adding an optional property to an open
 * JSON Schema object (or, for FORWARD, removing one) is accepted.
 */
export const compatibilityPolicies = ["STRICT", "LENIENT"] as const;
export type CompatibilityPolicy = (typeof compatibilityPolicies)[number];

export type SchemaFormat = "JSON_SCHEMA" | "AVRO";

/**
 * Which way data flows in one check. BACKWARD: the candidate reads data written with a previous version.
 * FORWARD: a previous version reads data written with the candidate.
 */
export type CheckDirection = "BACKWARD" | "FORWARD";

/** The Avro difference: the reader schema cannot resolve data written with the writer schema. */
export type AvroDifferenceKind = "AVRO_READER_CANNOT_READ_WRITER";

/** Every kind a difference can have: Confluent's JSON Schema diff kinds and the Avro one. */
export type DifferenceKind = JsonSchemaDifferenceKind | AvroDifferenceKind;

/** One reason, or one of several, why the candidate is not compatible. */
export interface SchemaDifference {
  /**
   * Stable machine-readable kind, e.g. "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL". The engine only produces
   * {@link DifferenceKind} values; the field stays a string so callers can add kinds of their own.
   */
  kind: string;
  /** JSON pointer into the schema, e.g. "#/properties/email"; "#" is the root. */
  path: string;
  /** Plain-language sentence a developer understands. */
  message: string;
  /** How to make the change compatible, where there is a useful answer. */
  fix?: string;
  /** The previous version this difference was found against. */
  againstVersion?: number;
}

export type CompatibilityResult =
  | { compatible: true; checkedVersions: number[] }
  | { compatible: false; checkedVersions: number[]; differences: SchemaDifference[] };

/** A previously registered version of the subject. */
export interface PreviousSchema {
  version: number;
  schema: string;
}

export interface CheckCompatibilityInput {
  format: SchemaFormat;
  mode: CompatibilityMode;
  /** Defaults to STRICT. */
  policy?: CompatibilityPolicy;
  /** Schema text of the version being registered. */
  candidate: string;
  /** Registered versions, oldest first. */
  previous: PreviousSchema[];
}

import type { SchemaFormat } from "./types";

/**
 * The schema text cannot be parsed as the declared format. Callers map it to Confluent's error code 42201
 * (invalid schema).
 */
export class InvalidSchemaError extends Error {
  override name = "InvalidSchemaError";
  /** Confluent's error code for an invalid schema. */
  readonly errorCode = 42201;

  constructor(
    readonly format: SchemaFormat,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Invalid ${format === "AVRO" ? "Avro" : "JSON Schema"} schema: ${reason}`, options);
  }
}

import { z } from "zod";
import type { SchemaFormat } from "../registry/compatibility/check-compatibility";
import { ccompatErrors } from "./ccompat-errors";

/** Confluent's schema types that this registry stores, as `GET /schemas/types` lists them. */
export const ccompatSchemaTypes = ["JSON", "AVRO"] as const;

/**
 * The body of Confluent's register, lookup and compatibility calls. Other fields (metadata,
 * ruleSet, id, version) are accepted and ignored.
 */
export const schemaRequestSchema = z.object({
  schema: z.string().min(1, "Empty schema"),
  schemaType: z.string().nullish(),
  references: z.array(z.unknown()).nullish(),
});

export type SchemaRequest = z.infer<typeof schemaRequestSchema>;

/** A body that is not a schema request: Confluent answers 42201. */
export const invalidSchemaRequest = (detail: string) => ccompatErrors.invalidSchema(detail);

/**
 * The registry's format and text for a Confluent schema request: no schemaType means Avro,
 * "JSON" means JSON Schema; Protobuf and schema references are refused with 42201.
 */
export function toRegistrySchema(request: SchemaRequest): { format: SchemaFormat; schema: string } {
  if (request.references && request.references.length > 0) {
    throw ccompatErrors.invalidSchema("schema references are not supported by this registry");
  }
  const type = (request.schemaType ?? "AVRO").toUpperCase();
  switch (type) {
    case "AVRO":
      return { format: "AVRO", schema: request.schema };
    case "JSON":
      return { format: "JSON_SCHEMA", schema: request.schema };
    case "PROTOBUF":
      throw ccompatErrors.invalidSchema("schema type PROTOBUF is not supported by this registry (JSON and AVRO are)");
    default:
      throw ccompatErrors.invalidSchema(`unknown schema type ${request.schemaType}`);
  }
}

/** Confluent leaves `schemaType` out for Avro, its default. */
export function schemaTypeField(format: SchemaFormat): { schemaType?: "JSON" } {
  return format === "AVRO" ? {} : { schemaType: "JSON" };
}

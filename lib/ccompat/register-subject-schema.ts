import type { Database } from "../db";
import { registerEventVersion } from "../registry/register-event-version";
import { incompatibleSchemaError } from "./incompatibility-messages";
import { toRegistrySchema, type SchemaRequest } from "./schema-request";

/** Who the catalog shows as the author of versions registered through the Confluent API. */
export const ccompatAuthor = "schema-registry-api";

/**
 * Confluent's `POST /subjects/{subject}/versions`: registers the schema under the subject
 * (creating it on first use) and answers its global id. The same schema as a live version
 * answers that version's id without a new version; a break of the compatibility level is 409.
 */
export async function registerSubjectSchema(database: Database, subject: string, request: SchemaRequest): Promise<{ id: number }> {
  const { format, schema } = toRegistrySchema(request);
  const result = await registerEventVersion(database, subject, { format, schema, createdBy: ccompatAuthor }, { createEventTypeIfMissing: true });
  if (result.status === "incompatible") throw incompatibleSchemaError(subject, result.differences, result.mode);
  return { id: result.schemaId };
}

import type { Database } from "../db";
import type { SchemaFormat } from "../registry/compatibility/check-compatibility";
import { prepareSchema } from "../registry/schema-text";
import { ccompatErrors } from "./ccompat-errors";
import { findSubjectOrThrow, parseVersionId, pickVersion, visibleVersions, type SubjectVersion } from "./resolve-subject";
import { schemaTypeField, toRegistrySchema, type SchemaRequest } from "./schema-request";

/** Confluent's `Schema` entity: one version of a subject. `schemaType` is absent for Avro. */
export interface CcompatSubjectVersion {
  subject: string;
  version: number;
  id: number;
  schemaType?: "JSON";
  schema: string;
}

interface ReadOptions {
  /** Confluent's `?deleted=true`: soft-deleted versions count too. */
  includeDeleted?: boolean;
}

/** `GET /subjects/{subject}/versions/{version}`: 40401, 42202 or 40402 when it is not there. */
export async function getSubjectVersion(database: Database, subject: string, rawVersion: string, options: ReadOptions = {}): Promise<CcompatSubjectVersion> {
  const versionId = parseVersionId(rawVersion);
  const resolved = await findSubjectOrThrow(database, subject, options);
  return describeVersion(database, subject, pickVersion(resolved, versionId, options));
}

/** `GET /subjects/{subject}/versions/{version}/schema`: the schema document itself. */
export async function getSubjectVersionSchema(database: Database, subject: string, rawVersion: string, options: ReadOptions = {}): Promise<unknown> {
  const { schema } = await getSubjectVersion(database, subject, rawVersion, options);
  return JSON.parse(schema) as unknown;
}

/**
 * `POST /subjects/{subject}`: the version of the subject that has exactly this schema (same
 * stored form, so formatting does not matter); 40401 for no subject, 40403 for no such version.
 */
export async function lookupSubjectSchema(database: Database, subject: string, request: SchemaRequest, options: ReadOptions = {}): Promise<CcompatSubjectVersion> {
  const resolved = await findSubjectOrThrow(database, subject, options);
  const { format, schema } = toRegistrySchema(request);
  const prepared = prepareSchema(format, schema);
  const stored = await database.schema.findUnique({ where: { fingerprint: prepared.fingerprint }, select: { id: true } });
  const match = stored && visibleVersions(resolved, options).findLast((version) => version.schemaId === stored.id);
  if (!match) throw ccompatErrors.schemaNotFound();
  return describeVersion(database, subject, match);
}

async function describeVersion(database: Database, subject: string, version: SubjectVersion): Promise<CcompatSubjectVersion> {
  const schema = await database.schema.findUniqueOrThrow({ where: { id: version.schemaId }, select: { format: true, text: true } });
  return { subject, version: version.version, id: version.schemaId, ...schemaTypeField(schema.format as SchemaFormat), schema: schema.text };
}

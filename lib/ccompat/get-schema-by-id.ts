import type { Database } from "../db";
import type { SchemaFormat } from "../registry/compatibility/check-compatibility";
import { ccompatErrors } from "./ccompat-errors";
import { schemaTypeField } from "./schema-request";

interface ReadOptions {
  /** Confluent's `?deleted=true`: soft-deleted versions count too. */
  includeDeleted?: boolean;
}

/** Confluent's `SchemaString`: the schema of a global id. `schemaType` is absent for Avro. */
export interface CcompatSchemaString {
  schema: string;
  schemaType?: "JSON";
}

/**
 * `GET /schemas/ids/{id}`: what deserializers call to read a message. Soft-deleted versions keep
 * their id readable, as in Confluent; once no version at all uses the id, it is 40403.
 */
export async function getSchemaById(database: Database, rawId: string): Promise<CcompatSchemaString> {
  const id = parseSchemaId(rawId);
  const row = await database.schema.findFirst({ where: { id, versions: { some: {} } }, select: { format: true, text: true } });
  if (!row) throw ccompatErrors.schemaNotFound(id);
  return { schema: row.text, ...schemaTypeField(row.format as SchemaFormat) };
}

/** `GET /schemas/ids/{id}/versions`: every subject version registered with this id. */
export async function listSchemaVersions(database: Database, rawId: string, options: ReadOptions = {}): Promise<{ subject: string; version: number }[]> {
  const rows = await versionsOfSchema(database, parseSchemaId(rawId), options);
  return rows.map((row) => ({ subject: row.subject, version: row.version }));
}

/** `GET /schemas/ids/{id}/subjects`: the subjects that have a version with this id, sorted. */
export async function listSchemaSubjects(database: Database, rawId: string, options: ReadOptions = {}): Promise<string[]> {
  const rows = await versionsOfSchema(database, parseSchemaId(rawId), options);
  return [...new Set(rows.map((row) => row.subject))].sort();
}

async function versionsOfSchema(database: Database, id: number, options: ReadOptions): Promise<{ subject: string; version: number }[]> {
  const rows = await database.eventVersion.findMany({
    where: { schemaId: id },
    select: { version: true, deletedAt: true, eventType: { select: { name: true, deletedAt: true } } },
  });
  if (rows.length === 0) throw ccompatErrors.schemaNotFound(id);
  return rows
    .filter((row) => options.includeDeleted || (row.deletedAt === null && row.eventType.deletedAt === null))
    .map((row) => ({ subject: row.eventType.name, version: row.version }))
    .sort((a, b) => (a.subject === b.subject ? a.version - b.version : a.subject < b.subject ? -1 : 1));
}

function parseSchemaId(raw: string): number {
  const id = /^\d{1,10}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  // Confluent answers a malformed id with "not found" too: there is no schema by that name.
  if (!Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1) throw ccompatErrors.schemaNotFound(raw);
  return id;
}

import type { Database } from "../db";
import { checkEventVersion } from "../registry/check-event-version";
import { prepareSchema } from "../registry/schema-text";
import { incompatibilityMessages } from "./incompatibility-messages";
import { findSubject, findSubjectOrThrow, parseVersionId, pickVersion, visibleVersions } from "./resolve-subject";
import { toRegistrySchema, type SchemaRequest } from "./schema-request";

/** Confluent's compatibility answer; `messages` only when `?verbose=true` was asked. */
export interface CcompatCompatibility {
  is_compatible: boolean;
  messages?: string[];
}

interface CheckOptions {
  verbose?: boolean;
}

/**
 * `POST /compatibility/subjects/{subject}/versions/{version}`: the schema against that one
 * version (`latest` too) under the subject's level; 40401 / 40402 when it is not there.
 */
export async function checkSubjectVersionCompatibility(
  database: Database,
  subject: string,
  rawVersion: string,
  request: SchemaRequest,
  options: CheckOptions = {},
): Promise<CcompatCompatibility> {
  const versionId = parseVersionId(rawVersion);
  const resolved = await findSubjectOrThrow(database, subject);
  const target = pickVersion(resolved, versionId);
  const candidate = toRegistrySchema(request);
  const check = await checkEventVersion(database, resolved.eventType.name, { ...candidate, againstVersion: target.version });
  return answer(check.compatible, incompatibilityMessages(check.differences, check.mode), options);
}

/**
 * `POST /compatibility/subjects/{subject}/versions`: the schema against the versions its level
 * names (the latest one, or all for a *_TRANSITIVE level). A subject without versions accepts
 * any valid schema, as its first registration would.
 */
export async function checkSubjectCompatibility(database: Database, subject: string, request: SchemaRequest, options: CheckOptions = {}): Promise<CcompatCompatibility> {
  const candidate = toRegistrySchema(request);
  const resolved = await findSubject(database, subject);
  if (!resolved || visibleVersions(resolved).length === 0) {
    prepareSchema(candidate.format, candidate.schema);
    return answer(true, [], options);
  }
  const check = await checkEventVersion(database, resolved.eventType.name, candidate);
  return answer(check.compatible, incompatibilityMessages(check.differences, check.mode), options);
}

function answer(compatible: boolean, messages: string[], options: CheckOptions): CcompatCompatibility {
  if (!options.verbose) return { is_compatible: compatible };
  return { is_compatible: compatible, messages: compatible ? [] : messages };
}

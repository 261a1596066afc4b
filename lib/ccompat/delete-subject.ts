import type { Database } from "../db";
import { refreshSearchText } from "../registry/search-text";
import { ccompatErrors } from "./ccompat-errors";
import { findSubject, findSubjectOrThrow, parseVersionId, pickVersion, visibleVersions } from "./resolve-subject";

interface DeleteOptions {
  /** Confluent's `?permanent=true`: only allowed after a soft delete. */
  permanent?: boolean;
}

/**
 * `DELETE /subjects/{subject}`. Soft: every live version and the event type are marked deleted
 * (hidden from the catalog and from lookups; ids still resolve) and the version numbers are
 * answered. Permanent, after a soft delete: the event type and its versions are removed, with
 * its subject-level config, as Confluent removes a subject; the shared schema rows stay.
 */
export async function deleteSubject(database: Database, subject: string, options: DeleteOptions = {}): Promise<number[]> {
  const resolved = await findSubject(database, subject);
  if (!resolved || resolved.versions.length === 0) throw ccompatErrors.subjectNotFound(subject);
  const eventTypeId = resolved.eventType.id;
  if (options.permanent) {
    if (visibleVersions(resolved).length > 0) throw ccompatErrors.subjectNotSoftDeleted(subject);
    await database.eventType.delete({ where: { id: eventTypeId } });
    return resolved.versions.map((version) => version.version);
  }
  if (visibleVersions(resolved).length === 0) throw ccompatErrors.subjectSoftDeleted(subject);
  return database.$transaction(async (tx) => {
    const now = new Date();
    // Writing the event type first takes its row lock, as a registration does: no version can
    // be added between reading the live versions and marking them deleted.
    await tx.eventType.update({ where: { id: eventTypeId }, data: { deletedAt: now } });
    const live = await tx.eventVersion.findMany({ where: { eventTypeId, deletedAt: null }, orderBy: { version: "asc" }, select: { version: true } });
    await tx.eventVersion.updateMany({ where: { eventTypeId, deletedAt: null }, data: { deletedAt: now } });
    return live.map((row) => row.version);
  });
}

/**
 * `DELETE /subjects/{subject}/versions/{version}`: soft by default (40406 if already soft-deleted),
 * permanent only for a soft-deleted version (40407 otherwise). Numbers are never reused: the
 * next registration continues after the highest number ever given.
 */
export async function deleteSubjectVersion(database: Database, subject: string, rawVersion: string, options: DeleteOptions = {}): Promise<number> {
  const versionId = parseVersionId(rawVersion);
  const resolved = await findSubjectOrThrow(database, subject, { includeDeleted: true });
  const target = pickVersion(resolved, versionId, { includeDeleted: options.permanent || versionId !== "latest" });
  if (options.permanent) {
    if (!target.deleted) throw ccompatErrors.versionNotSoftDeleted(subject, target.version);
    await database.eventVersion.delete({ where: { id: target.id } });
    return target.version;
  }
  if (target.deleted) throw ccompatErrors.versionSoftDeleted(subject, target.version);
  await database.eventVersion.update({ where: { id: target.id }, data: { deletedAt: new Date() } });
  await refreshSearchText(database, resolved.eventType.id);
  return target.version;
}

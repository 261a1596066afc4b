import type { Database } from "../db";
import { AppError } from "../errors";
import { findEventTypeOrThrow } from "../registry/find-event-type";
import { ccompatErrors } from "./ccompat-errors";

/** A version as the Confluent API sees it: soft-deleted when it or its whole subject was deleted. */
export interface SubjectVersion {
  id: string;
  version: number;
  schemaId: number;
  deleted: boolean;
}

/** An event type seen as a Confluent subject, with every version it still has (soft-deleted too). */
export interface ResolvedSubject {
  /** The subject as the client named it (`order.placed-value` stays so in answers). */
  subject: string;
  eventType: { id: string; name: string; deletedAt: Date | null };
  /** Oldest first. */
  versions: SubjectVersion[];
}

/** `latest` (or `-1`) or a version number. */
export type VersionId = number | "latest";

const maxVersion = 2 ** 31 - 1;

/** Confluent's version path segment: 1 … 2^31-1, `latest` or `-1`; anything else is 42202. */
export function parseVersionId(raw: string): VersionId {
  const text = raw.trim();
  if (text.toLowerCase() === "latest" || text === "-1") return "latest";
  if (!/^\d+$/.test(text)) throw ccompatErrors.invalidVersion(raw);
  const version = Number(text);
  if (version < 1 || version > maxVersion) throw ccompatErrors.invalidVersion(raw);
  return version;
}

/** The event type behind a subject (exact name first, then without `-value`), soft-deleted or not; null when there is none. */
export async function findSubjectEventType(database: Database, subject: string) {
  return findEventTypeOrThrow(database, subject, { includeDeleted: true }).catch((error: unknown) => {
    if (error instanceof AppError && error.reason === "SUBJECT_NOT_FOUND") return null;
    throw error;
  });
}

/** {@link findSubjectEventType} with the event type's versions; null when there is no event type. */
export async function findSubject(database: Database, subject: string): Promise<ResolvedSubject | null> {
  const eventType = await findSubjectEventType(database, subject);
  if (!eventType) return null;
  const rows = await database.eventVersion.findMany({
    where: { eventTypeId: eventType.id },
    orderBy: { version: "asc" },
    select: { id: true, version: true, schemaId: true, deletedAt: true },
  });
  return {
    subject,
    eventType: { id: eventType.id, name: eventType.name, deletedAt: eventType.deletedAt },
    versions: rows.map((row) => ({ id: row.id, version: row.version, schemaId: row.schemaId, deleted: row.deletedAt !== null || eventType.deletedAt !== null })),
  };
}

/**
 * A subject that exists for Confluent: it has versions, and (unless `includeDeleted`) at least
 * one that is not soft-deleted. 40401 otherwise, as Confluent hides soft-deleted subjects.
 */
export async function findSubjectOrThrow(database: Database, subject: string, options: { includeDeleted?: boolean } = {}): Promise<ResolvedSubject> {
  const found = await findSubject(database, subject);
  if (!found || visibleVersions(found, options).length === 0) throw ccompatErrors.subjectNotFound(subject);
  return found;
}

/** Live versions, plus the soft-deleted ones with `includeDeleted`; oldest first. */
export function visibleVersions(subject: ResolvedSubject, options: { includeDeleted?: boolean } = {}): SubjectVersion[] {
  return options.includeDeleted ? subject.versions : subject.versions.filter((version) => !version.deleted);
}

/** One version of a subject by number or `latest` among the visible ones; 40402 when there is none. */
export function pickVersion(subject: ResolvedSubject, versionId: VersionId, options: { includeDeleted?: boolean } = {}): SubjectVersion {
  const candidates = visibleVersions(subject, options);
  const picked = versionId === "latest" ? candidates.at(-1) : candidates.find((version) => version.version === versionId);
  if (!picked) throw ccompatErrors.versionNotFound(versionId === "latest" ? "latest" : versionId);
  return picked;
}

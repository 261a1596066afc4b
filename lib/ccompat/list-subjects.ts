import type { Database } from "../db";
import { findSubjectOrThrow, visibleVersions } from "./resolve-subject";

interface ListOptions {
  /** Confluent's `?deleted=true`: soft-deleted subjects and versions are listed too. */
  includeDeleted?: boolean;
}

/**
 * `GET /subjects`: the event types that are subjects, i.e. have a version (live, or soft-deleted
 * with `includeDeleted`); catalog entries without any schema are not subjects. Sorted by name.
 */
export async function listSubjects(database: Database, options: ListOptions & { subjectPrefix?: string } = {}): Promise<string[]> {
  const liveVersion = { deletedAt: null };
  const rows = await database.eventType.findMany({
    where: {
      ...(options.subjectPrefix ? { name: { startsWith: options.subjectPrefix } } : {}),
      ...(options.includeDeleted ? { versions: { some: {} } } : { deletedAt: null, versions: { some: liveVersion } }),
    },
    select: { name: true },
  });
  // Sorted here: PostgreSQL's collation would order names differently from SQLite's.
  return rows.map((row) => row.name).sort();
}

/** `GET /subjects/{subject}/versions`: version numbers, oldest first; 40401 when there are none. */
export async function listSubjectVersions(database: Database, subject: string, options: ListOptions = {}): Promise<number[]> {
  const resolved = await findSubjectOrThrow(database, subject, options);
  return visibleVersions(resolved, options).map((version) => version.version);
}

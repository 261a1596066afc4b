import type { Database } from "../db";
import { AppError } from "../errors";

/**
 * A Confluent subject names an event type directly (`order.placed`) or with the value
 * suffix of the TopicNameStrategy (`order.placed-value`).
 */
export function eventTypeNameForSubject(subject: string): string {
  return subject.endsWith("-value") ? subject.slice(0, -"-value".length) : subject;
}

/** The live (not soft-deleted) event type of a name or subject; NOT_FOUND otherwise. */
export async function findEventTypeOrThrow(database: Database, nameOrSubject: string, options: { includeDeleted?: boolean } = {}) {
  const candidates = [...new Set([nameOrSubject, eventTypeNameForSubject(nameOrSubject)])];
  const rows = await database.eventType.findMany({ where: { name: { in: candidates } } });
  const row = rows.find((candidate) => candidate.name === nameOrSubject) ?? rows[0];
  if (!row || (row.deletedAt && !options.includeDeleted)) {
    throw new AppError("NOT_FOUND", `Subject '${nameOrSubject}' not found.`, { reason: "SUBJECT_NOT_FOUND" });
  }
  return row;
}

import type { Database } from "../db";
import { AppError } from "../errors";
import { diffSchemas, type VersionDifference } from "./compatibility/check-compatibility";
import { findEventTypeOrThrow } from "./find-event-type";
import { effectiveSettings, getRegistryDefaults } from "./registry-config";

export interface EventVersionDiff {
  eventType: string;
  from: number;
  to: number;
  mode: string;
  policy: string;
  compatible: boolean;
  differences: VersionDifference[];
}

/** Every schema difference between two versions, judged under the event type's mode and policy. */
export async function diffEventVersions(database: Database, name: string, from: number, to: number): Promise<EventVersionDiff> {
  const eventType = await findEventTypeOrThrow(database, name);
  const [defaults, versions] = await Promise.all([
    getRegistryDefaults(database),
    database.eventVersion.findMany({
      where: { eventTypeId: eventType.id, deletedAt: null, version: { in: [from, to] } },
      select: { version: true, schema: { select: { format: true, text: true } } },
    }),
  ]);
  const schemaOf = (version: number) => {
    const row = versions.find((candidate) => candidate.version === version);
    if (!row) throw new AppError("NOT_FOUND", `${eventType.name} has no version ${version}`, { reason: "VERSION_NOT_FOUND" });
    return row.schema;
  };
  const [older, newer] = [schemaOf(from), schemaOf(to)];
  if (older.format !== newer.format) throw new AppError("UNPROCESSABLE", `v${from} and v${to} use different schema formats and cannot be compared`);
  const settings = effectiveSettings(eventType, defaults);
  const diff = diffSchemas({ format: older.format, mode: settings.mode, policy: settings.policy, from: older.text, to: newer.text });
  return { eventType: eventType.name, from, to, mode: settings.mode, policy: settings.policy, ...diff };
}

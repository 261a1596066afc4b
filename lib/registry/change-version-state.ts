import type { Database } from "../db";
import { AppError } from "../errors";
import type { LifecycleState } from "../generated/prisma-sqlite/enums";
import { findEventTypeOrThrow } from "./find-event-type";

/** draft → active → deprecated → retired; a deprecation can be taken back, a retirement cannot. */
export const allowedTransitions: Record<LifecycleState, LifecycleState[]> = {
  DRAFT: ["ACTIVE", "RETIRED"],
  ACTIVE: ["DEPRECATED"],
  DEPRECATED: ["ACTIVE", "RETIRED"],
  RETIRED: [],
};

export async function changeVersionState(
  database: Database,
  eventTypeName: string,
  version: number,
  change: { state: LifecycleState; changedBy: string },
): Promise<{ version: number; state: LifecycleState; stateChangedBy: string; stateChangedAt: Date }> {
  const eventType = await findEventTypeOrThrow(database, eventTypeName);
  const row = await database.eventVersion.findUnique({ where: { eventTypeId_version: { eventTypeId: eventType.id, version } } });
  if (!row || row.deletedAt) throw new AppError("NOT_FOUND", `${eventType.name} has no version ${version}`, { reason: "VERSION_NOT_FOUND" });
  if (row.state === change.state) return { version, state: row.state, stateChangedBy: row.stateChangedBy, stateChangedAt: row.stateChangedAt };
  if (!allowedTransitions[row.state].includes(change.state)) {
    const allowed = allowedTransitions[row.state];
    throw new AppError(
      "CONFLICT",
      `${eventType.name} v${version} is ${row.state.toLowerCase()} and cannot become ${change.state.toLowerCase()}` +
        (allowed.length > 0 ? ` (it can become ${allowed.map((state) => state.toLowerCase()).join(" or ")})` : " (retired is final)"),
    );
  }
  const updated = await database.eventVersion.update({
    where: { id: row.id },
    data: { state: change.state, stateChangedBy: change.changedBy, stateChangedAt: new Date() },
  });
  return { version, state: updated.state, stateChangedBy: updated.stateChangedBy, stateChangedAt: updated.stateChangedAt };
}

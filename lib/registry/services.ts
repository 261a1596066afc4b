import type { Database } from "../db";
import { AppError } from "../errors";

export interface ServiceSummary {
  name: string;
  description: string;
  ownerTeam: { slug: string; name: string } | null;
  produces: number;
  consumes: number;
}

export async function listServices(database: Database): Promise<ServiceSummary[]> {
  const rows = await database.service.findMany({
    orderBy: { name: "asc" },
    include: { ownerTeam: { select: { slug: true, name: true } }, roles: { select: { role: true } } },
  });
  return rows.map((row) => ({
    name: row.name,
    description: row.description,
    ownerTeam: row.ownerTeam,
    produces: row.roles.filter((role) => role.role === "PRODUCER").length,
    consumes: row.roles.filter((role) => role.role === "CONSUMER").length,
  }));
}

/** A service page: what it declares it produces and consumes. */
export async function getService(database: Database, name: string) {
  const row = await database.service.findUnique({
    where: { name },
    include: {
      ownerTeam: { select: { slug: true, name: true } },
      roles: { where: { eventType: { deletedAt: null } }, include: { eventType: { select: { name: true, description: true } } }, orderBy: { eventType: { name: "asc" } } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", `no service named '${name}'`);
  const byRole = (role: "PRODUCER" | "CONSUMER") => row.roles.filter((entry) => entry.role === role).map((entry) => entry.eventType);
  return { name: row.name, description: row.description, ownerTeam: row.ownerTeam, produces: byRole("PRODUCER"), consumes: byRole("CONSUMER") };
}

/** Creates or updates a service's description and owner (team slug). */
export async function saveService(database: Database, input: { name: string; description?: string; ownerTeam?: string | null }): Promise<void> {
  let ownerTeamId: string | null | undefined;
  if (input.ownerTeam !== undefined) {
    ownerTeamId = input.ownerTeam === null ? null : (await database.team.findUnique({ where: { slug: input.ownerTeam } }))?.id;
    if (ownerTeamId === undefined) throw new AppError("BAD_REQUEST", `no team with slug '${input.ownerTeam}'`);
  }
  const fields = { description: input.description, ownerTeamId };
  await database.service.upsert({ where: { name: input.name }, create: { name: input.name, ...fields }, update: fields });
}

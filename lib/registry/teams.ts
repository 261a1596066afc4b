import { z } from "zod";
import type { Database } from "../db";
import { AppError } from "../errors";

export const teamInputSchema = z.object({
  slug: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "use lower-case letters, digits and '-'"),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5_000).default(""),
  contactEmail: z.email().nullable().default(null),
  slackChannel: z.url().nullable().default(null),
  members: z.array(z.object({ name: z.string().trim().min(1).max(200), email: z.email() })).max(500).default([]),
});

export type TeamInput = z.input<typeof teamInputSchema>;

export interface TeamSummary {
  slug: string;
  name: string;
  description: string;
  eventTypeCount: number;
  serviceCount: number;
}

export async function listTeams(database: Database): Promise<TeamSummary[]> {
  const rows = await database.team.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { eventTypes: { where: { deletedAt: null } }, services: true } } },
  });
  return rows.map((row) => ({ slug: row.slug, name: row.name, description: row.description, eventTypeCount: row._count.eventTypes, serviceCount: row._count.services }));
}

/** A team page: who is in it, how to reach it, and what it owns. */
export async function getTeam(database: Database, slug: string) {
  const row = await database.team.findUnique({
    where: { slug },
    include: {
      members: { orderBy: { name: "asc" } },
      services: { orderBy: { name: "asc" }, select: { name: true, description: true } },
      eventTypes: {
        where: { deletedAt: null },
        orderBy: { name: "asc" },
        select: { name: true, description: true, versions: { where: { deletedAt: null }, orderBy: { version: "desc" }, take: 1, select: { version: true, state: true } } },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", `no team with slug '${slug}'`);
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    contactEmail: row.contactEmail,
    slackChannel: row.slackChannel,
    members: row.members.map(({ name, email }) => ({ name, email })),
    services: row.services,
    eventTypes: row.eventTypes.map((eventType) => ({
      name: eventType.name,
      description: eventType.description,
      latestVersion: eventType.versions[0]?.version ?? null,
      latestState: eventType.versions[0]?.state ?? null,
    })),
  };
}

/** Creates or replaces a team by slug, members included. */
export async function saveTeam(database: Database, input: TeamInput): Promise<void> {
  const team = teamInputSchema.parse(input);
  const { members, slug, ...fields } = team;
  await database.$transaction(async (tx) => {
    const row = await tx.team.upsert({ where: { slug }, create: { slug, ...fields }, update: fields });
    await tx.teamMember.deleteMany({ where: { teamId: row.id } });
    const unique = [...new Map(members.map((member) => [member.email, member])).values()];
    if (unique.length > 0) await tx.teamMember.createMany({ data: unique.map((member) => ({ teamId: row.id, ...member })) });
  });
}

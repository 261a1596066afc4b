import { z } from "zod";
import type { Database } from "../db";

export const domainInputSchema = z.object({
  slug: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "use lower-case letters, digits and '-'"),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5_000).default(""),
});

export async function listDomains(database: Database) {
  const rows = await database.domain.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { eventTypes: { where: { deletedAt: null } } } } } });
  return rows.map((row) => ({ slug: row.slug, name: row.name, description: row.description, eventTypeCount: row._count.eventTypes }));
}

export async function saveDomain(database: Database, input: z.input<typeof domainInputSchema>): Promise<void> {
  const { slug, ...fields } = domainInputSchema.parse(input);
  await database.domain.upsert({ where: { slug }, create: { slug, ...fields }, update: fields });
}

import type { Database } from "../db";
import { schemaFieldNames } from "./schema-text";

/**
 * Rebuilds an event type's search text: name, description, tags, and the field names of its
 * latest version, lower-cased. Called after every change to any of them.
 */
export async function refreshSearchText(database: Pick<Database, "eventType">, eventTypeId: string): Promise<void> {
  const row = await database.eventType.findUniqueOrThrow({
    where: { id: eventTypeId },
    select: {
      name: true,
      description: true,
      tags: { select: { tag: true } },
      versions: { where: { deletedAt: null }, orderBy: { version: "desc" }, take: 1, select: { schema: { select: { format: true, text: true } } } },
    },
  });
  const latest = row.versions[0]?.schema;
  const parts = [row.name, row.description, ...row.tags.map((tag) => tag.tag), ...(latest ? schemaFieldNames(latest.format, latest.text) : [])];
  await database.eventType.update({ where: { id: eventTypeId }, data: { searchText: parts.join(" ").toLowerCase() } });
}

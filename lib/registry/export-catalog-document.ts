import type { Database } from "../db";
import { AppError } from "../errors";
import type { CatalogDocument } from "./catalog-document";

/** The catalog, or one domain of it, in the neutral shape an AsyncAPI export is written from. */
export async function exportCatalogDocument(database: Database, domainSlug?: string): Promise<CatalogDocument> {
  let title = "Eventscope catalog";
  if (domainSlug) {
    const domain = await database.domain.findUnique({ where: { slug: domainSlug } });
    if (!domain) throw new AppError("NOT_FOUND", `no domain with slug '${domainSlug}'`);
    title = `Eventscope catalog: ${domain.name}`;
  }
  const rows = await database.eventType.findMany({
    where: { deletedAt: null, ...(domainSlug ? { domain: { slug: domainSlug } } : {}) },
    orderBy: { name: "asc" },
    include: {
      domain: { select: { name: true } },
      tags: { orderBy: { tag: "asc" } },
      bindings: { orderBy: [{ broker: "asc" }, { destination: "asc" }, { routingKey: "asc" }] },
      serviceRoles: { include: { service: true }, orderBy: { service: { name: "asc" } } },
      versions: { where: { deletedAt: null, state: { not: "RETIRED" } }, orderBy: { version: "desc" }, take: 1, include: { schema: true } },
    },
  });
  const services = new Map<string, string>();
  for (const row of rows) for (const role of row.serviceRoles) services.set(role.service.name, role.service.description);
  return {
    title,
    services: [...services].map(([name, description]) => ({ name, description })),
    eventTypes: rows.map((row) => {
      const latest = row.versions[0];
      return {
        name: row.name,
        description: row.description,
        domain: row.domain?.name ?? null,
        tags: row.tags.map((tag) => tag.tag),
        schema: latest ? { format: latest.schema.format, text: latest.schema.text } : null,
        examplePayload: latest?.examplePayload ?? null,
        bindings: row.bindings.map(({ broker, destination, routingKey }) => ({ broker, destination, routingKey })),
        producers: row.serviceRoles.filter((role) => role.role === "PRODUCER").map((role) => role.service.name),
        consumers: row.serviceRoles.filter((role) => role.role === "CONSUMER").map((role) => role.service.name),
      };
    }),
  };
}

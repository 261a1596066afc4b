import type { Database } from "../db";
import type { CatalogDocument, CatalogEventType } from "./catalog-document";
import { saveDomain } from "./domains";
import { getEventType, type EventTypeDetail } from "./get-event-type";
import { registerEventVersion } from "./register-event-version";
import { saveEventType } from "./save-event-type";
import { saveService } from "./services";

export interface ImportSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
  versionsRegistered: number;
  warnings: string[];
}

/**
 * Applies an imported document to the catalog. Additive: a document describes one application,
 * so its bindings, tags and roles are merged into what other documents already declared, and
 * its schema becomes a new version only when it differs and is compatible. Importing the same
 * document twice changes nothing the second time.
 */
export async function importCatalogDocument(database: Database, document: CatalogDocument, importedBy: string): Promise<ImportSummary> {
  const summary: ImportSummary = { created: [], updated: [], unchanged: [], versionsRegistered: 0, warnings: [] };
  for (const service of document.services) {
    const existing = await database.service.findUnique({ where: { name: service.name } });
    if (!existing) await saveService(database, service);
    else if (!existing.description && service.description) await saveService(database, { name: service.name, description: service.description });
  }
  for (const eventType of document.eventTypes) {
    const existing = await getEventType(database, eventType.name).catch(() => null);
    const domain = eventType.domain ? await ensureDomain(database, eventType.domain) : (existing?.domain?.slug ?? null);
    const definition = merge(existing, eventType, domain);
    const metadataChanged = !existing || JSON.stringify(definitionOf(existing)) !== JSON.stringify(definition);
    if (metadataChanged) await saveEventType(database, { name: eventType.name, ...definition }, { ifExists: "replace" });

    let versionAdded = false;
    if (eventType.schema) {
      const result = await registerEventVersion(database, eventType.name, {
        format: eventType.schema.format,
        schema: eventType.schema.text,
        examplePayload: eventType.examplePayload ?? undefined,
        changelog: `Imported from ${document.title}.`,
        createdBy: importedBy,
      }).catch((error: unknown) => ({ status: "failed" as const, error }));
      if (result.status === "registered") {
        versionAdded = true;
        summary.versionsRegistered += 1;
      } else if (result.status === "incompatible") {
        summary.warnings.push(`${eventType.name}: the document's schema is incompatible with the registered versions under ${result.mode}, so it was not registered (${result.differences[0]?.message ?? ""})`);
      } else if (result.status === "failed") {
        summary.warnings.push(`${eventType.name}: the schema was not registered: ${result.error instanceof Error ? result.error.message : String(result.error)}`);
      }
    }
    if (!existing) summary.created.push(eventType.name);
    else if (metadataChanged || versionAdded) summary.updated.push(eventType.name);
    else summary.unchanged.push(eventType.name);
  }
  return summary;
}

function definitionOf(detail: EventTypeDetail) {
  return {
    description: detail.description,
    domain: detail.domain?.slug ?? null,
    ownerTeam: detail.owner?.slug ?? null,
    tags: [...detail.tags].sort(),
    bindings: sortBindings(detail.bindings),
    producers: [...detail.producers].sort(),
    consumers: [...detail.consumers].sort(),
    compatibilityMode: detail.own.mode,
    compatibilityPolicy: detail.own.policy,
  };
}

function merge(existing: EventTypeDetail | null, imported: CatalogEventType, domain: string | null): ReturnType<typeof definitionOf> {
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
  const bindings = new Map([...(existing?.bindings ?? []), ...imported.bindings].map((binding) => [`${binding.broker}\u0000${binding.destination}\u0000${binding.routingKey}`, binding]));
  return {
    description: imported.description || existing?.description || "",
    domain,
    ownerTeam: existing?.owner?.slug ?? null,
    tags: union(existing?.tags ?? [], imported.tags),
    bindings: sortBindings([...bindings.values()]),
    producers: union(existing?.producers ?? [], imported.producers),
    consumers: union(existing?.consumers ?? [], imported.consumers),
    compatibilityMode: existing?.own.mode ?? null,
    compatibilityPolicy: existing?.own.policy ?? null,
  };
}

function sortBindings(bindings: { broker: string; destination: string; routingKey: string }[]) {
  return bindings
    .map(({ broker, destination, routingKey }) => ({ broker, destination, routingKey }))
    .sort((a, b) => `${a.broker} ${a.destination} ${a.routingKey}`.localeCompare(`${b.broker} ${b.destination} ${b.routingKey}`));
}

async function ensureDomain(database: Database, name: string): Promise<string> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 64) || "imported";
  const existing = await database.domain.findFirst({ where: { OR: [{ slug }, { name }] } });
  if (existing) return existing.slug;
  await saveDomain(database, { slug, name });
  return slug;
}

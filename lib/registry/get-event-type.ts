import type { Database } from "../db";
import { findEventTypeOrThrow } from "./find-event-type";
import { effectiveSettings, getRegistryDefaults, type CompatibilitySettings } from "./registry-config";

export interface EventVersionDetail {
  version: number;
  label: string | null;
  state: string;
  stateChangedBy: string;
  stateChangedAt: string;
  schemaId: number;
  format: "JSON_SCHEMA" | "AVRO";
  schema: string;
  changelog: string;
  examplePayload: string | null;
  createdBy: string;
  createdAt: string;
}

export interface EventTypeDetail {
  name: string;
  description: string;
  domain: { slug: string; name: string } | null;
  owner: { slug: string; name: string; contactEmail: string | null; slackChannel: string | null } | null;
  tags: string[];
  bindings: { broker: string; destination: string; routingKey: string }[];
  producers: string[];
  consumers: string[];
  /** The event type's own settings; null where the registry default applies. */
  own: { mode: CompatibilitySettings["mode"] | null; policy: CompatibilitySettings["policy"] | null };
  effective: CompatibilitySettings;
  /** Live versions, newest first. */
  versions: EventVersionDetail[];
}

export async function getEventType(database: Database, name: string): Promise<EventTypeDetail> {
  const { id } = await findEventTypeOrThrow(database, name);
  const [row, defaults] = await Promise.all([
    database.eventType.findUniqueOrThrow({
      where: { id },
      include: {
        domain: true,
        ownerTeam: true,
        tags: { orderBy: { tag: "asc" } },
        bindings: { orderBy: [{ broker: "asc" }, { destination: "asc" }] },
        serviceRoles: { include: { service: { select: { name: true } } }, orderBy: { service: { name: "asc" } } },
        versions: { where: { deletedAt: null }, orderBy: { version: "desc" }, include: { schema: true } },
      },
    }),
    getRegistryDefaults(database),
  ]);
  return {
    name: row.name,
    description: row.description,
    domain: row.domain ? { slug: row.domain.slug, name: row.domain.name } : null,
    owner: row.ownerTeam
      ? { slug: row.ownerTeam.slug, name: row.ownerTeam.name, contactEmail: row.ownerTeam.contactEmail, slackChannel: row.ownerTeam.slackChannel }
      : null,
    tags: row.tags.map((tag) => tag.tag),
    bindings: row.bindings.map(({ broker, destination, routingKey }) => ({ broker, destination, routingKey })),
    producers: row.serviceRoles.filter((role) => role.role === "PRODUCER").map((role) => role.service.name),
    consumers: row.serviceRoles.filter((role) => role.role === "CONSUMER").map((role) => role.service.name),
    own: { mode: row.compatibilityMode, policy: row.compatibilityPolicy },
    effective: effectiveSettings(row, defaults),
    versions: row.versions.map((version) => ({
      version: version.version,
      label: version.label,
      state: version.state,
      stateChangedBy: version.stateChangedBy,
      stateChangedAt: version.stateChangedAt.toISOString(),
      schemaId: version.schemaId,
      format: version.schema.format,
      schema: version.schema.text,
      changelog: version.changelog,
      examplePayload: version.examplePayload,
      createdBy: version.createdBy,
      createdAt: version.createdAt.toISOString(),
    })),
  };
}

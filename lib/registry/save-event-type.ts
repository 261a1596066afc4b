import { z } from "zod";
import type { Database } from "../db";
import { AppError } from "../errors";
import { compatibilityModes, compatibilityPolicies } from "./compatibility/types";
import { findEventTypeOrThrow } from "./find-event-type";
import { refreshSearchText } from "./search-text";

const compatibilityModeSchema = z.enum(compatibilityModes);
const serviceNameSchema = z.string().trim().min(1).max(200);

export const eventTypeNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, "use letters, digits, '.', '_', ':' and '-', e.g. order.placed");

/** Each field's own rules, without defaults: a patch must not turn an absent field into its default. */
const fields = {
  description: z.string().max(20_000),
  /** Domain slug. */
  domain: z.string().trim().min(1).nullable(),
  /** Team slug. */
  ownerTeam: z.string().trim().min(1).nullable(),
  tags: z.array(z.string().trim().min(1).max(64)).max(50),
  bindings: z
    .array(z.object({ broker: z.string().trim().min(1).max(50), destination: z.string().trim().min(1).max(500), routingKey: z.string().trim().max(500).default("") }))
    .max(50),
  producers: z.array(serviceNameSchema).max(200),
  consumers: z.array(serviceNameSchema).max(200),
  compatibilityMode: compatibilityModeSchema.nullable(),
  compatibilityPolicy: z.enum(compatibilityPolicies).nullable(),
};

export const eventTypeDefinitionSchema = z.object({
  name: eventTypeNameSchema,
  description: fields.description.default(""),
  domain: fields.domain.default(null),
  ownerTeam: fields.ownerTeam.default(null),
  tags: fields.tags.default([]),
  bindings: fields.bindings.default([]),
  producers: fields.producers.default([]),
  consumers: fields.consumers.default([]),
  compatibilityMode: fields.compatibilityMode.default(null),
  compatibilityPolicy: fields.compatibilityPolicy.default(null),
});

export type EventTypeDefinition = z.infer<typeof eventTypeDefinitionSchema>;
export const eventTypePatchSchema = z.object(fields).partial();
export type EventTypePatch = z.infer<typeof eventTypePatchSchema>;

/**
 * Creates an event type, or with `ifExists: "replace"` makes an existing one match the
 * definition exactly (tags, bindings and declared roles included) — what seeding and AsyncAPI
 * import need to be idempotent.
 */
export async function saveEventType(database: Database, input: z.input<typeof eventTypeDefinitionSchema>, options: { ifExists: "fail" | "replace" }): Promise<{ id: string; created: boolean }> {
  const definition = eventTypeDefinitionSchema.parse(input);
  const existing = await database.eventType.findUnique({ where: { name: definition.name } });
  if (existing && !existing.deletedAt && options.ifExists === "fail") {
    throw new AppError("CONFLICT", `an event type named ${definition.name} already exists`);
  }
  const [domainId, ownerTeamId] = await Promise.all([
    definition.domain === null ? null : idOfSlug(database, "domain", definition.domain),
    definition.ownerTeam === null ? null : idOfSlug(database, "team", definition.ownerTeam),
  ]);
  const serviceIds = await ensureServices(database, [...definition.producers, ...definition.consumers]);
  const id = await database.$transaction(async (tx) => {
    const fields = {
      description: definition.description,
      domainId,
      ownerTeamId,
      compatibilityMode: definition.compatibilityMode,
      compatibilityPolicy: definition.compatibilityPolicy,
      deletedAt: null,
    };
    const row = await tx.eventType.upsert({ where: { name: definition.name }, create: { name: definition.name, ...fields }, update: fields });
    await tx.eventTag.deleteMany({ where: { eventTypeId: row.id } });
    await tx.brokerBinding.deleteMany({ where: { eventTypeId: row.id } });
    await tx.eventServiceRole.deleteMany({ where: { eventTypeId: row.id } });
    const tags = [...new Set(definition.tags)];
    if (tags.length > 0) await tx.eventTag.createMany({ data: tags.map((tag) => ({ eventTypeId: row.id, tag })) });
    const bindings = uniqueBy(definition.bindings, (binding) => `${binding.broker}\u0000${binding.destination}\u0000${binding.routingKey}`);
    if (bindings.length > 0) await tx.brokerBinding.createMany({ data: bindings.map((binding) => ({ eventTypeId: row.id, ...binding })) });
    const roles = uniqueBy(
      [
        ...definition.producers.map((name) => ({ serviceId: serviceIds.get(name)!, role: "PRODUCER" as const })),
        ...definition.consumers.map((name) => ({ serviceId: serviceIds.get(name)!, role: "CONSUMER" as const })),
      ],
      (role) => `${role.serviceId}/${role.role}`,
    );
    if (roles.length > 0) await tx.eventServiceRole.createMany({ data: roles.map((role) => ({ eventTypeId: row.id, ...role })) });
    await refreshSearchText(tx, row.id);
    return row.id;
  });
  return { id, created: !existing || existing.deletedAt !== null };
}

/** Changes only the fields given; the rest stays as it is. */
export async function updateEventType(database: Database, name: string, patch: EventTypePatch): Promise<void> {
  const row = await findEventTypeOrThrow(database, name);
  const current = await database.eventType.findUniqueOrThrow({
    where: { id: row.id },
    include: { domain: true, ownerTeam: true, tags: true, bindings: true, serviceRoles: { include: { service: true } } },
  });
  await saveEventType(
    database,
    {
      name: current.name,
      description: patch.description ?? current.description,
      domain: patch.domain !== undefined ? patch.domain : (current.domain?.slug ?? null),
      ownerTeam: patch.ownerTeam !== undefined ? patch.ownerTeam : (current.ownerTeam?.slug ?? null),
      tags: patch.tags ?? current.tags.map((tag) => tag.tag),
      bindings: patch.bindings ?? current.bindings.map(({ broker, destination, routingKey }) => ({ broker, destination, routingKey })),
      producers: patch.producers ?? current.serviceRoles.filter((role) => role.role === "PRODUCER").map((role) => role.service.name),
      consumers: patch.consumers ?? current.serviceRoles.filter((role) => role.role === "CONSUMER").map((role) => role.service.name),
      compatibilityMode: patch.compatibilityMode !== undefined ? patch.compatibilityMode : current.compatibilityMode,
      compatibilityPolicy: patch.compatibilityPolicy !== undefined ? patch.compatibilityPolicy : current.compatibilityPolicy,
    },
    { ifExists: "replace" },
  );
}

async function idOfSlug(database: Database, kind: "domain" | "team", slug: string): Promise<string> {
  const row = kind === "domain" ? await database.domain.findUnique({ where: { slug } }) : await database.team.findUnique({ where: { slug } });
  if (!row) throw new AppError("BAD_REQUEST", `no ${kind} with slug '${slug}'`);
  return row.id;
}

/** Services are identified by their OpenTelemetry service.name; declaring one creates it. */
async function ensureServices(database: Database, names: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of new Set(names)) {
    const row = await database.service.upsert({ where: { name }, create: { name }, update: {} });
    ids.set(name, row.id);
  }
  return ids;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

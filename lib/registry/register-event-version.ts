import { z } from "zod";
import { isUniqueViolation } from "../database/is-unique-violation";
import type { Database } from "../db";
import { AppError } from "../errors";
import type { SchemaDifference } from "./compatibility/check-compatibility";
import { evaluateCandidate } from "./evaluate-candidate";
import { findEventTypeOrThrow } from "./find-event-type";
import { prepareSchema } from "./schema-text";
import { refreshSearchText } from "./search-text";
import { validateExample } from "./validate-example";

export const schemaFormatSchema = z.enum(["JSON_SCHEMA", "AVRO"]);

export const registerEventVersionInputSchema = z.object({
  format: schemaFormatSchema.default("JSON_SCHEMA"),
  schema: z.string().min(1, "the schema is empty"),
  label: z.string().trim().max(64).regex(/^[0-9A-Za-z.+-]*$/, "use a semver-style label such as 2.1.0").optional(),
  changelog: z.string().max(10_000).default(""),
  examplePayload: z.string().max(1024 * 1024).optional(),
  createdBy: z.string().trim().min(1).max(200).default("anonymous"),
  state: z.enum(["DRAFT", "ACTIVE"]).default("ACTIVE"),
});

export type RegisterEventVersionInput = z.input<typeof registerEventVersionInputSchema>;

export type RegisterEventVersionResult =
  | { status: "registered"; version: number; schemaId: number }
  | { status: "exists"; version: number; schemaId: number }
  | { status: "incompatible"; mode: string; differences: SchemaDifference[]; consumers: string[] };

const maxAttempts = 5;

/** As Confluent creates a subject on its first registration; a soft-deleted one comes back. */
async function findOrCreateEventType(database: Database, subject: string) {
  const existing = await findEventTypeOrThrow(database, subject, { includeDeleted: true }).catch((error: unknown) => {
    if (error instanceof AppError && error.reason === "SUBJECT_NOT_FOUND") return null;
    throw error;
  });
  if (!existing) return database.eventType.create({ data: { name: subject, searchText: subject.toLowerCase() } });
  return existing.deletedAt ? database.eventType.update({ where: { id: existing.id }, data: { deletedAt: null } }) : existing;
}

/**
 * Registers a schema as the next version of an event type, unless the same schema is already a
 * live version (then that version is returned, as Confluent does) or it breaks the event type's
 * compatibility mode. Concurrent registrations under one event type are serialised by a row
 * lock, so the same schema registered twice at once yields one version.
 */
export async function registerEventVersion(
  database: Database,
  eventTypeName: string,
  rawInput: RegisterEventVersionInput,
  options: { createEventTypeIfMissing?: boolean } = {},
): Promise<RegisterEventVersionResult> {
  const input = registerEventVersionInputSchema.parse(rawInput);
  const schema = prepareSchema(input.format, input.schema);
  if (input.examplePayload !== undefined && input.examplePayload.trim() !== "") {
    const check = validateExample(schema.format, schema.text, input.examplePayload);
    if (!check.valid) throw new AppError("UNPROCESSABLE", `examplePayload does not match the schema: ${check.errors.join("; ")}`, { reason: "INVALID_EXAMPLE" });
  }

  for (let attempt = 1; ; attempt++) {
    try {
      const eventType = options.createEventTypeIfMissing ? await findOrCreateEventType(database, eventTypeName) : await findEventTypeOrThrow(database, eventTypeName);
      return await database.$transaction(async (tx) => {
        // Writing the event type's row first locks it until commit: registrations under one event
        // type run one at a time, and each sees the versions the one before it added.
        await tx.eventType.update({ where: { id: eventType.id }, data: { updatedAt: new Date() } });
        const evaluation = await evaluateCandidate(tx, eventType, schema);
        if (evaluation.existing) return { status: "exists" as const, ...evaluation.existing };
        if (!evaluation.compatibility.compatible) {
          return { status: "incompatible" as const, mode: evaluation.settings.mode, differences: evaluation.compatibility.differences, consumers: evaluation.consumers };
        }
        const stored = await tx.schema.upsert({
          where: { fingerprint: schema.fingerprint },
          create: { format: schema.format, text: schema.text, fingerprint: schema.fingerprint },
          update: {},
        });
        // Numbers of soft-deleted versions are not reused.
        const last = await tx.eventVersion.aggregate({ where: { eventTypeId: eventType.id }, _max: { version: true } });
        const version = (last._max.version ?? 0) + 1;
        await tx.eventVersion.create({
          data: {
            eventTypeId: eventType.id,
            version,
            label: input.label || null,
            schemaId: stored.id,
            state: input.state,
            stateChangedBy: input.createdBy,
            changelog: input.changelog,
            examplePayload: input.examplePayload?.trim() || null,
            createdBy: input.createdBy,
          },
        });
        await refreshSearchText(tx, eventType.id);
        return { status: "registered" as const, version, schemaId: stored.id };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= maxAttempts) throw error;
    }
  }
}

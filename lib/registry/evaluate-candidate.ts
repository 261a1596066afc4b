import type { Database } from "../db";
import { checkCompatibility, type CompatibilityResult } from "./compatibility/check-compatibility";
import { effectiveSettings, getRegistryDefaults, type CompatibilitySettings } from "./registry-config";
import type { PreparedSchema } from "./schema-text";

export interface CandidateEvaluation {
  settings: CompatibilitySettings;
  /** The live version that already has exactly this schema, if any. */
  existing: { version: number; schemaId: number } | null;
  compatibility: CompatibilityResult;
  /** Consumers declared in the catalog or seen processing the event type: who a breaking change would hit. */
  consumers: string[];
}

/**
 * What registering `schema` under an event type would do, without writing anything. With
 * `againstVersion`, only that version is checked (Confluent's per-version compatibility call).
 */
export async function evaluateCandidate(
  database: Pick<Database, "eventVersion" | "eventServiceRole" | "registryConfig" | "messagingUsage">,
  eventType: { id: string; name: string; compatibilityMode: CompatibilitySettings["mode"] | null; compatibilityPolicy: CompatibilitySettings["policy"] | null },
  schema: PreparedSchema,
  options: { againstVersion?: number } = {},
): Promise<CandidateEvaluation> {
  const [defaults, versions, declaredConsumers, observedConsumers] = await Promise.all([
    getRegistryDefaults(database),
    database.eventVersion.findMany({
      where: { eventTypeId: eventType.id, deletedAt: null, ...(options.againstVersion === undefined ? {} : { version: options.againstVersion }) },
      orderBy: { version: "asc" },
      select: { version: true, schemaId: true, schema: { select: { format: true, text: true, fingerprint: true } } },
    }),
    database.eventServiceRole.findMany({ where: { eventTypeId: eventType.id, role: "CONSUMER" }, select: { service: { select: { name: true } } } }),
    database.messagingUsage.groupBy({ by: ["serviceName"], where: { eventType: eventType.name, role: "consume" } }),
  ]);
  const consumers = new Set([...declaredConsumers.map((consumer) => consumer.service.name), ...observedConsumers.map((consumer) => consumer.serviceName)]);
  const settings = effectiveSettings(eventType, defaults);
  const match = versions.find((version) => version.schema.fingerprint === schema.fingerprint);
  // Versions of another format cannot be compared; Confluent refuses mixing them the same way.
  const comparable = versions.filter((version) => version.schema.format === schema.format);
  const compatibility =
    comparable.length < versions.length
      ? {
          compatible: false as const,
          checkedVersions: versions.map((version) => version.version),
          differences: [{ kind: "SCHEMA_FORMAT_CHANGED", path: "#", message: `Earlier versions are not ${schema.format === "AVRO" ? "Avro" : "JSON Schema"}: the format of an event type cannot change.` }],
        }
      : checkCompatibility({
          format: schema.format,
          mode: settings.mode,
          policy: settings.policy,
          candidate: schema.text,
          previous: comparable.map((version) => ({ version: version.version, schema: version.schema.text })),
        });
  return {
    settings,
    existing: match ? { version: match.version, schemaId: match.schemaId } : null,
    compatibility,
    consumers: [...consumers].sort(),
  };
}

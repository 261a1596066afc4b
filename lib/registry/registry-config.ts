import type { Database } from "../db";
import type { CompatibilityMode, CompatibilityPolicy } from "./compatibility/check-compatibility";

export interface CompatibilitySettings {
  mode: CompatibilityMode;
  policy: CompatibilityPolicy;
}

/** The registry-wide defaults (Confluent's global config), created with BACKWARD / STRICT on first use. */
export async function getRegistryDefaults(database: Pick<Database, "registryConfig">): Promise<CompatibilitySettings> {
  const row = await database.registryConfig.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  return { mode: row.compatibilityMode, policy: row.compatibilityPolicy };
}

export async function setRegistryDefaults(database: Database, settings: Partial<CompatibilitySettings>): Promise<CompatibilitySettings> {
  const data = { compatibilityMode: settings.mode, compatibilityPolicy: settings.policy };
  const row = await database.registryConfig.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  return { mode: row.compatibilityMode, policy: row.compatibilityPolicy };
}

/** An event type's own settings where it has them, else the registry's. */
export function effectiveSettings(
  own: { compatibilityMode: CompatibilityMode | null; compatibilityPolicy: CompatibilityPolicy | null },
  defaults: CompatibilitySettings,
): CompatibilitySettings {
  return { mode: own.compatibilityMode ?? defaults.mode, policy: own.compatibilityPolicy ?? defaults.policy };
}

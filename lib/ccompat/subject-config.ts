import { z } from "zod";
import type { Database } from "../db";
import type { CompatibilityMode, CompatibilityPolicy } from "../registry/compatibility/check-compatibility";
import { compatibilityModes, compatibilityPolicies } from "../registry/compatibility/types";
import { effectiveSettings, getRegistryDefaults, setRegistryDefaults } from "../registry/registry-config";
import { refreshSearchText } from "../registry/search-text";
import { ccompatErrors } from "./ccompat-errors";
import { findSubjectEventType } from "./resolve-subject";

/**
 * The body of `PUT /config` and `PUT /config/{subject}`. Values are checked by
 * {@link parseConfigUpdate}, so that a bad one is Confluent's 42203 rather than a 400.
 * `compatibilityPolicy` is Eventscope's extension (STRICT is Confluent's behaviour).
 */
export const configUpdateSchema = z.object({
  compatibility: z.string().nullish(),
  compatibilityPolicy: z.string().nullish(),
});

export type ConfigUpdateBody = z.infer<typeof configUpdateSchema>;

/** A validated update, echoed back as Confluent echoes its request. */
export interface CcompatConfigUpdate {
  compatibility?: CompatibilityMode;
  compatibilityPolicy?: CompatibilityPolicy;
}

/** Confluent's `Config`, plus the policy. */
export interface CcompatConfig {
  compatibilityLevel: CompatibilityMode;
  compatibilityPolicy: CompatibilityPolicy;
}

/** Level and policy are matched case-insensitively; neither given, or an unknown one, is 42203. */
export function parseConfigUpdate(body: ConfigUpdateBody): CcompatConfigUpdate {
  const level = body.compatibility?.trim().toUpperCase();
  const policy = body.compatibilityPolicy?.trim().toUpperCase();
  if (level === undefined && policy === undefined) throw ccompatErrors.invalidCompatibilityLevel();
  if (level !== undefined && !(compatibilityModes as readonly string[]).includes(level)) throw ccompatErrors.invalidCompatibilityLevel();
  if (policy !== undefined && !(compatibilityPolicies as readonly string[]).includes(policy)) throw ccompatErrors.invalidCompatibilityPolicy();
  return {
    ...(level === undefined ? {} : { compatibility: level as CompatibilityMode }),
    ...(policy === undefined ? {} : { compatibilityPolicy: policy as CompatibilityPolicy }),
  };
}

/** `GET /config`: the registry-wide level and policy. */
export async function getGlobalConfig(database: Database): Promise<CcompatConfig> {
  const defaults = await getRegistryDefaults(database);
  return { compatibilityLevel: defaults.mode, compatibilityPolicy: defaults.policy };
}

/** `PUT /config`. */
export async function updateGlobalConfig(database: Database, body: ConfigUpdateBody): Promise<CcompatConfigUpdate> {
  const update = parseConfigUpdate(body);
  await setRegistryDefaults(database, { mode: update.compatibility, policy: update.compatibilityPolicy });
  return update;
}

/** `DELETE /config`: back to Confluent's default (BACKWARD, and STRICT); answers the previous config. */
export async function deleteGlobalConfig(database: Database): Promise<CcompatConfig> {
  const previous = await getGlobalConfig(database);
  await setRegistryDefaults(database, { mode: "BACKWARD", policy: "STRICT" });
  return previous;
}

/**
 * `GET /config/{subject}`: the subject's own level and policy (the global one fills whichever it
 * lacks); 40408 when it has neither, unless `defaultToGlobal`.
 */
export async function getSubjectConfig(database: Database, subject: string, options: { defaultToGlobal?: boolean } = {}): Promise<CcompatConfig> {
  const [eventType, defaults] = await Promise.all([findConfigHolder(database, subject), getRegistryDefaults(database)]);
  if (!eventType || !hasOwnConfig(eventType)) {
    if (!options.defaultToGlobal) throw ccompatErrors.compatibilityNotConfigured(subject);
    return { compatibilityLevel: defaults.mode, compatibilityPolicy: defaults.policy };
  }
  const settings = effectiveSettings(eventType, defaults);
  return { compatibilityLevel: settings.mode, compatibilityPolicy: settings.policy };
}

/**
 * `PUT /config/{subject}`. Confluent lets a level be set before the subject's first schema, so
 * an unknown subject becomes an event type without versions (serializers set the level right
 * after their first registration, which creates it anyway).
 */
export async function updateSubjectConfig(database: Database, subject: string, body: ConfigUpdateBody): Promise<CcompatConfigUpdate> {
  const update = parseConfigUpdate(body);
  const data = { compatibilityMode: update.compatibility, compatibilityPolicy: update.compatibilityPolicy };
  const existing = await findConfigHolder(database, subject);
  if (existing) {
    await database.eventType.update({ where: { id: existing.id }, data });
  } else {
    const created = await database.eventType.upsert({ where: { name: subject }, create: { name: subject, ...data }, update: data });
    await refreshSearchText(database, created.id);
  }
  return update;
}

/** `DELETE /config/{subject}`: the subject falls back to the global config; answers what it had. 40401 when it had none. */
export async function deleteSubjectConfig(database: Database, subject: string): Promise<CcompatConfig> {
  const [eventType, defaults] = await Promise.all([findConfigHolder(database, subject), getRegistryDefaults(database)]);
  if (!eventType || !hasOwnConfig(eventType)) throw ccompatErrors.subjectNotFound(subject);
  await database.eventType.update({ where: { id: eventType.id }, data: { compatibilityMode: null, compatibilityPolicy: null } });
  const previous = effectiveSettings(eventType, defaults);
  return { compatibilityLevel: previous.mode, compatibilityPolicy: previous.policy };
}

// A soft-deleted subject keeps its config, as in Confluent.
const findConfigHolder = findSubjectEventType;

function hasOwnConfig(eventType: { compatibilityMode: CompatibilityMode | null; compatibilityPolicy: CompatibilityPolicy | null }): boolean {
  return eventType.compatibilityMode !== null || eventType.compatibilityPolicy !== null;
}

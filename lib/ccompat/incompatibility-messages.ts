import type { SchemaDifference } from "../registry/compatibility/check-compatibility";
import { ccompatError } from "./ccompat-errors";

/**
 * Our differences in the shape of Confluent's verbose compatibility messages (one string each,
 * then the level that was applied), so that tools which print them read naturally.
 */
export function incompatibilityMessages(differences: SchemaDifference[], mode: string): string[] {
  const messages = differences.map((difference) => {
    const where = `path: '${difference.path}'${difference.againstVersion === undefined ? "" : `, oldSchemaVersion: ${difference.againstVersion}`}`;
    return `{errorType:'${difference.kind}', description:'${difference.message}', additionalInfo:'${where}'}`;
  });
  return [...messages, `{compatibility: '${mode}'}`];
}

/** Confluent's 409 for a registration that breaks the subject's compatibility level. */
export function incompatibleSchemaError(subject: string, differences: SchemaDifference[], mode: string) {
  return ccompatError(
    "INCOMPATIBLE_SCHEMA",
    `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${incompatibilityMessages(differences, mode).join(", ")}]`,
  );
}

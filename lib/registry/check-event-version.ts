import type { Database } from "../db";
import type { SchemaDifference } from "./compatibility/check-compatibility";
import { evaluateCandidate } from "./evaluate-candidate";
import { findEventTypeOrThrow } from "./find-event-type";
import type { CompatibilitySettings } from "./registry-config";
import { prepareSchema } from "./schema-text";
import type { SchemaFormat } from "./compatibility/check-compatibility";
import { validateExample, type ExampleCheck } from "./validate-example";

export interface VersionCheck extends CompatibilitySettings {
  compatible: boolean;
  checkedVersions: number[];
  differences: SchemaDifference[];
  /** Declared consumers that an incompatible change would break. */
  consumersAtRisk: string[];
  /** The live version that already has this exact schema. */
  existingVersion: number | null;
  example: ExampleCheck | null;
}

/** The compatibility check behind the register page, run as the user types; writes nothing. */
export async function checkEventVersion(
  database: Database,
  eventTypeName: string,
  input: { format: SchemaFormat; schema: string; examplePayload?: string; againstVersion?: number },
): Promise<VersionCheck> {
  const eventType = await findEventTypeOrThrow(database, eventTypeName);
  const schema = prepareSchema(input.format, input.schema);
  const evaluation = await evaluateCandidate(database, eventType, schema, { againstVersion: input.againstVersion });
  const differences = evaluation.compatibility.compatible ? [] : evaluation.compatibility.differences;
  return {
    ...evaluation.settings,
    compatible: evaluation.compatibility.compatible,
    checkedVersions: evaluation.compatibility.checkedVersions,
    differences,
    consumersAtRisk: evaluation.compatibility.compatible ? [] : evaluation.consumers,
    existingVersion: evaluation.existing?.version ?? null,
    example: input.examplePayload?.trim() ? validateExample(schema.format, schema.text, input.examplePayload) : null,
  };
}

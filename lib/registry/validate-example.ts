import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import avro from "avsc";
import type { SchemaFormat } from "./compatibility/check-compatibility";

export type ExampleCheck = { valid: true } | { valid: false; errors: string[] };

const draft07 = addFormats(new Ajv({ allErrors: true, strict: false }));
const draft2020 = addFormats(new Ajv2020({ allErrors: true, strict: false }));

/** Checks an example payload (JSON text) against a schema that prepareSchema accepted. */
export function validateExample(format: SchemaFormat, schemaText: string, exampleText: string): ExampleCheck {
  let example: unknown;
  try {
    example = JSON.parse(exampleText);
  } catch {
    return { valid: false, errors: ["the example is not valid JSON"] };
  }
  return format === "AVRO" ? validateAvro(schemaText, example) : validateJsonSchema(schemaText, example);
}

function validateJsonSchema(schemaText: string, example: unknown): ExampleCheck {
  const schema = JSON.parse(schemaText) as Record<string, unknown> | boolean;
  const uses2020 = typeof schema === "object" && typeof schema.$schema === "string" && schema.$schema.includes("2020-12");
  let validate: ValidateFunction;
  try {
    // Without its $id: Ajv caches by $id, and two versions of one schema usually share it.
    const compilable = typeof schema === "boolean" ? schema : { ...schema, $id: undefined };
    validate = (uses2020 ? draft2020 : draft07).compile(compilable);
  } catch (error) {
    return { valid: false, errors: [`the schema cannot be used to validate: ${(error as Error).message}`] };
  }
  if (validate(example)) return { valid: true };
  return { valid: false, errors: (validate.errors ?? []).map((error) => `${error.instancePath || "(root)"} ${error.message ?? "is invalid"}`) };
}

function validateAvro(schemaText: string, example: unknown): ExampleCheck {
  const type = avro.Type.forSchema(JSON.parse(schemaText) as avro.Schema);
  const errors: string[] = [];
  type.isValid(example, { errorHook: (path, value) => errors.push(`${path.length > 0 ? path.join(".") : "(root)"} does not accept ${JSON.stringify(value)}`) });
  return errors.length === 0 ? { valid: true } : { valid: false, errors };
}

import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { maxSchemaBytes, prepareSchema } from "./schema-text";

describe("prepareSchema", () => {
  it("gives the same fingerprint to the same schema written with other whitespace", () => {
    const a = prepareSchema("JSON_SCHEMA", '{"type":"object","properties":{"id":{"type":"string"}}}');
    const b = prepareSchema("JSON_SCHEMA", '{\n  "type": "object",\n  "properties": { "id": { "type": "string" } }\n}');
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.text).toBe(b.text);
  });

  it("tells formats apart", () => {
    const json = prepareSchema("JSON_SCHEMA", '{"type":"string"}');
    const avro = prepareSchema("AVRO", '{"type":"string"}');
    expect(json.fingerprint).not.toBe(avro.fingerprint);
  });

  it("collects field names at any depth", () => {
    const schema = prepareSchema(
      "JSON_SCHEMA",
      JSON.stringify({ type: "object", properties: { orderId: { type: "string" }, lines: { type: "array", items: { type: "object", properties: { sku: {} } } } } }),
    );
    expect(schema.fieldNames).toEqual(["lines", "orderId", "sku"]);
    const avro = prepareSchema("AVRO", JSON.stringify({ type: "record", name: "A", fields: [{ name: "id", type: "string" }, { name: "at", type: "long" }] }));
    expect(avro.fieldNames).toEqual(["at", "id"]);
  });

  it.each([
    ["JSON_SCHEMA", "{not json"],
    ["JSON_SCHEMA", "42"],
    ["AVRO", '{"type":"record","name":"A"}'],
    ["AVRO", '{"type":"nope"}'],
  ] as const)("rejects an invalid %s schema %j as UNPROCESSABLE", (format, text) => {
    try {
      prepareSchema(format, text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("UNPROCESSABLE");
      expect((error as AppError).reason).toBe("INVALID_SCHEMA");
    }
  });

  it("rejects a schema over 1 MiB", () => {
    const big = JSON.stringify({ type: "object", description: "x".repeat(maxSchemaBytes) });
    expect(() => prepareSchema("JSON_SCHEMA", big)).toThrow(/larger than/);
  });
});

import { describe, expect, it } from "vitest";
import { validateExample } from "./validate-example";

const order = JSON.stringify({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: { orderId: { type: "string" }, placedAt: { type: "string", format: "date-time" }, total: { type: "integer", minimum: 0 } },
  required: ["orderId"],
});

describe("validateExample", () => {
  it("accepts a matching JSON example", () => {
    expect(validateExample("JSON_SCHEMA", order, '{"orderId":"ord_1","placedAt":"2026-01-01T00:00:00Z","total":5}')).toEqual({ valid: true });
  });

  it("names each problem of a JSON example", () => {
    const result = validateExample("JSON_SCHEMA", order, '{"placedAt":"yesterday","total":-1}');
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.errors).toContain("(root) must have required property 'orderId'");
      expect(result.errors.some((error) => error.startsWith("/placedAt"))).toBe(true);
      expect(result.errors.some((error) => error.startsWith("/total"))).toBe(true);
    }
  });

  it("validates draft-07 schemas too", () => {
    const draft7 = JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", type: "object", additionalProperties: false, properties: { a: { type: "number" } } });
    expect(validateExample("JSON_SCHEMA", draft7, '{"a":1}').valid).toBe(true);
    expect(validateExample("JSON_SCHEMA", draft7, '{"a":1,"b":2}').valid).toBe(false);
  });

  it("validates Avro examples", () => {
    const record = JSON.stringify({ type: "record", name: "Order", fields: [{ name: "id", type: "string" }, { name: "qty", type: "int" }] });
    expect(validateExample("AVRO", record, '{"id":"a","qty":2}')).toEqual({ valid: true });
    const result = validateExample("AVRO", record, '{"id":"a","qty":"two"}');
    expect(result).toEqual({ valid: false, errors: ['qty does not accept "two"'] });
  });

  it("rejects an example that is not JSON", () => {
    expect(validateExample("JSON_SCHEMA", order, "{oops")).toEqual({ valid: false, errors: ["the example is not valid JSON"] });
  });
});

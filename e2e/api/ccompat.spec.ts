import { SchemaRegistry, SchemaType } from "@kafkajs/confluent-schema-registry";
import { expect, test } from "@playwright/test";

// The real npm client of Confluent Schema Registry, unmodified, pointed at Eventscope.
const run = Date.now().toString(36);

const orderSchema = {
  type: "object",
  properties: { id: { type: "string" }, total: { type: "number" } },
  required: ["id"],
  additionalProperties: false,
};

const paymentSchema = {
  type: "record",
  name: "Payment",
  namespace: "eventscope.e2e",
  fields: [
    { name: "id", type: "string" },
    { name: "amount", type: "double" },
  ],
};

const clientOf = (baseURL: string | undefined) => new SchemaRegistry({ host: `${baseURL}/api/ccompat` });

test.describe("@kafkajs/confluent-schema-registry against /api/ccompat", () => {
  test("registers a JSON schema, encodes and decodes with its id, and finds it again", async ({ baseURL }) => {
    const registry = clientOf(baseURL);
    const subject = `ccompat-e2e-orders-${run}-value`;
    const { id } = await registry.register({ type: SchemaType.JSON, schema: JSON.stringify(orderSchema) }, { subject });
    expect(id).toBeGreaterThan(0);

    const payload = { id: "order-1042", total: 99.5 };
    const encoded = await registry.encode(id, payload);
    expect(encoded.readUInt8(0)).toBe(0);
    expect(encoded.readInt32BE(1)).toBe(id);
    // A fresh client has no cache: decoding reads the schema from GET /schemas/ids/{id}.
    expect(await clientOf(baseURL).decode(encoded)).toEqual(payload);

    expect(await registry.getLatestSchemaId(subject)).toBe(id);
    expect(await registry.getRegistryIdBySchema(subject, { type: SchemaType.JSON, schema: JSON.stringify(orderSchema) })).toBe(id);
    // The second registration finds the subject's level (set by the first) and the same id.
    expect((await registry.register({ type: SchemaType.JSON, schema: JSON.stringify(orderSchema) }, { subject })).id).toBe(id);
  });

  test("registers an Avro schema and round-trips a record", async ({ baseURL }) => {
    const registry = clientOf(baseURL);
    const subject = `ccompat-e2e-payments-${run}-value`;
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(paymentSchema) }, { subject });
    const encoded = await registry.encode(id, { id: "pay-7", amount: 12.25 });
    expect(await clientOf(baseURL).decode(encoded)).toMatchObject({ id: "pay-7", amount: 12.25 });
  });

  test("is refused an incompatible schema with the registry's 409 message", async ({ baseURL }) => {
    const registry = clientOf(baseURL);
    const subject = `ccompat-e2e-breaking-${run}-value`;
    await registry.register({ type: SchemaType.JSON, schema: JSON.stringify(orderSchema) }, { subject });
    const breaking = { ...orderSchema, properties: { ...orderSchema.properties, id: { type: "integer" } } };
    await expect(registry.register({ type: SchemaType.JSON, schema: JSON.stringify(breaking) }, { subject })).rejects.toThrow(
      `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [`,
    );
  });
});

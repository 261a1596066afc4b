import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import type { CatalogDocument } from "../catalog-document";
import { exportAsyncApi, exportSchemaFormats, safeKey } from "./export-asyncapi";
import { isRecord } from "./json-value";
import { parseAsyncApi, type AsyncApiUpload } from "./parse-asyncapi";
import { inlineUpload, parserErrors, singleFileUpload, socialMediaUpload, v2FixtureNames, v3FixtureNames } from "./test-fixtures";

const catalog: CatalogDocument = {
  title: "Shop",
  services: [
    { name: "checkout", description: "Takes orders" },
    { name: "idle", description: "" },
    { name: "shipping", description: "" },
  ],
  eventTypes: [
    { name: "lonely", description: "", domain: null, tags: [], schema: null, examplePayload: null, bindings: [], producers: [], consumers: [] },
    {
      name: "order.placed",
      description: "An order was placed",
      domain: "orders",
      tags: ["orders", "public"],
      schema: {
        format: "JSON_SCHEMA",
        text: '{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"id":{"type":"string"},"parent":{"$ref":"#"}},"required":["id"]}',
      },
      examplePayload: '{"id":"o-1"}',
      bindings: [
        { broker: "kafka", destination: "orders.{region}", routingKey: "" },
        { broker: "rabbitmq", destination: "orders", routingKey: "order.placed" },
      ],
      producers: ["checkout"],
      consumers: ["shipping"],
    },
    {
      name: "payment.settled",
      description: "",
      domain: null,
      tags: [],
      schema: { format: "AVRO", text: '{"type":"record","name":"Payment","fields":[{"name":"id","type":"string"}]}' },
      examplePayload: '{"id":"p"}',
      bindings: [
        { broker: "embedded", destination: "payments", routingKey: "" },
        { broker: "rabbitmq", destination: "payments", routingKey: "" },
      ],
      producers: [],
      consumers: ["shipping"],
    },
    { name: "ping", description: "", domain: null, tags: [], schema: { format: "AVRO", text: '"string"' }, examplePayload: null, bindings: [], producers: ["checkout"], consumers: [] },
  ],
};

async function roundTrip(yaml: string): Promise<CatalogDocument> {
  const result = await parseAsyncApi(inlineUpload(yaml, "exported.yaml"));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.document;
}

function objectAt(value: unknown, ...path: string[]): Record<string, unknown> {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  if (!isRecord(current)) throw new Error(`no object at ${path.join(".")}`);
  return current;
}

describe("exportAsyncApi", () => {
  it("writes an AsyncAPI 3.0.0 document that the parser accepts without errors", async () => {
    const yaml = exportAsyncApi(catalog, { title: "Shop", version: "1.0.0", description: "All events" });
    expect(yaml.startsWith("asyncapi: 3.0.0\n")).toBe(true);
    expect(await parserErrors(yaml)).toEqual([]);
  });

  it("round-trips event types, schemas, bindings, roles and services", async () => {
    expect(await roundTrip(exportAsyncApi(catalog, { title: "Shop", version: "1.0.0" }))).toEqual(catalog);
  });

  it("writes messages, channels, servers and operations", () => {
    const document = load(exportAsyncApi(catalog, { title: "Shop", version: "2.1.0" }));
    expect(objectAt(document, "info")).toMatchObject({ title: "Shop", version: "2.1.0" });
    expect(Object.keys(objectAt(document, "components", "messages"))).toEqual(["lonely", "orderPlaced", "paymentSettled", "ping"]);
    expect(objectAt(document, "components", "messages", "orderPlaced")).toMatchObject({
      name: "order.placed",
      description: "An order was placed",
      tags: [{ name: "orders" }, { name: "public" }],
      examples: [{ payload: { id: "o-1" } }],
      payload: { schemaFormat: exportSchemaFormats.JSON_SCHEMA },
    });
    expect(objectAt(document, "components", "messages", "paymentSettled", "payload").schemaFormat).toBe(exportSchemaFormats.AVRO);
    expect(objectAt(document, "servers", "rabbitmq")).toEqual({ host: "localhost", protocol: "amqp" });
    expect(objectAt(document, "channels", "rabbitmqOrdersOrderPlaced")).toMatchObject({
      address: "order.placed",
      bindings: { amqp: { is: "routingKey", exchange: { name: "orders" } } },
    });
    expect(objectAt(document, "channels", "kafkaOrdersRegion")).toMatchObject({ address: "orders.{region}", parameters: { region: {} } });
    const operations = Object.values(objectAt(document, "operations"));
    expect(operations).toHaveLength(7);
    for (const operation of operations) expect(operation).toHaveProperty("x-eventscope-service");
    expect(objectAt(document, "operations", "sendCheckoutPing")).toEqual({
      action: "send",
      channel: { $ref: "#/channels/ping" },
      messages: [{ $ref: "#/channels/ping/messages/ping" }],
      "x-eventscope-service": "checkout",
    });
  });

  it("is deterministic whatever the input order", () => {
    const shuffled: CatalogDocument = {
      ...catalog,
      services: [...catalog.services].reverse(),
      eventTypes: [...catalog.eventTypes].reverse().map((e) => ({ ...e, bindings: [...e.bindings].reverse() })),
    };
    const info = { title: "Shop", version: "1.0.0" };
    expect(exportAsyncApi(shuffled, info)).toBe(exportAsyncApi(catalog, info));
  });

  it("derives safe, unique keys from event type names", () => {
    expect(safeKey("order.placed")).toBe("orderPlaced");
    expect(safeKey("Billing/Invoice-created v2")).toBe("billingInvoiceCreatedV2");
    const twins: CatalogDocument = {
      title: "Twins",
      services: [],
      eventTypes: ["order.placed", "order_placed"].map((name) => ({ ...catalog.eventTypes[0]!, name })),
    };
    expect(Object.keys(objectAt(load(exportAsyncApi(twins, { title: "Twins", version: "1" })), "components", "messages"))).toEqual([
      "orderPlaced",
      "orderPlaced2",
    ]);
  });

  it("exports an empty catalog as a valid document", async () => {
    const yaml = exportAsyncApi({ title: "Empty", services: [], eventTypes: [] }, { title: "Empty", version: "0.1.0" });
    expect(await parserErrors(yaml)).toEqual([]);
    expect(await roundTrip(yaml)).toEqual({ title: "Empty", services: [], eventTypes: [] });
  });
});

describe("export → parse round trip of the shared fixtures", () => {
  const uploads: [string, AsyncApiUpload][] = [
    ...v3FixtureNames.filter((name) => !name.startsWith("adeo-")).map((name): [string, AsyncApiUpload] => [name, singleFileUpload(name)]),
    ...v2FixtureNames.map((name): [string, AsyncApiUpload] => [`v2.6/${name}`, singleFileUpload(`v2.6/${name}`)]),
    ...["backend", "comments-service", "notification-service"].map((dir): [string, AsyncApiUpload] => [dir, socialMediaUpload(`${dir}/asyncapi.yaml`)]),
  ];

  it.each(uploads)("%s", async (_name, upload) => {
    const imported = await parseAsyncApi(upload);
    if (!imported.ok) throw new Error(imported.errors.join("\n"));
    const yaml = exportAsyncApi(imported.document, { title: imported.document.title, version: "1.0.0" });
    expect(await parserErrors(yaml)).toEqual([]);
    expect(await roundTrip(yaml)).toEqual(imported.document);
  });
});

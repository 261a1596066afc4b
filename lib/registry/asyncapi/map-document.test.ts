import { describe, expect, it } from "vitest";
import type { CatalogDocument } from "../catalog-document";
import { serviceNameFromTitle } from "./map-document";
import { parseAsyncApi } from "./parse-asyncapi";
import { inlineUpload } from "./test-fixtures";

async function mapped(content: string, entry?: string): Promise<{ document: CatalogDocument; warnings: string[] }> {
  const result = await parseAsyncApi(inlineUpload(content, entry));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result;
}

const ordersV3 = `asyncapi: 3.0.0
info:
  title: Order Service
  version: 1.0.0
  description: Takes orders
servers:
  rabbit: { host: localhost, protocol: amqp }
  kafka: { host: localhost, protocol: kafka }
channels:
  orderEvents:
    address: order.placed
    servers: [{ $ref: '#/servers/rabbit' }]
    tags: [{ name: 'domain:sales' }]
    bindings:
      amqp: { is: routingKey, exchange: { name: orders, type: topic } }
    messages:
      orderPlaced: { $ref: '#/components/messages/orderPlaced' }
  orderTopic:
    address: orders
    servers: [{ $ref: '#/servers/kafka' }]
    bindings:
      kafka: { topic: orders-v1 }
    messages:
      orderPlaced: { $ref: '#/components/messages/orderPlaced' }
      invoice: { $ref: '#/components/messages/invoice' }
  replies:
    address: null
    servers: [{ $ref: '#/servers/kafka' }]
    messages:
      invoice: { $ref: '#/components/messages/invoice' }
operations:
  placeOrder:
    action: send
    channel: { $ref: '#/channels/orderEvents' }
    bindings:
      amqp: { cc: [order.placed.eu, order.placed.us] }
    messages: [{ $ref: '#/channels/orderEvents/messages/orderPlaced' }]
  publishOrder:
    action: send
    channel: { $ref: '#/channels/orderTopic' }
    messages: [{ $ref: '#/channels/orderTopic/messages/orderPlaced' }]
  auditOrders:
    action: receive
    x-eventscope-service: audit
    channel: { $ref: '#/channels/orderTopic' }
    messages: [{ $ref: '#/channels/orderTopic/messages/orderPlaced' }]
components:
  messages:
    orderPlaced:
      name: order.placed
      summary: An order was placed
      tags: [{ name: orders }, { name: public }]
      examples:
        - headers: { a: 1 }
        - payload: { id: 7 }
      payload: { $ref: '#/components/schemas/Order' }
    invoice:
      description: An invoice, in Avro
      payload:
        schemaFormat: application/vnd.apache.avro+json;version=1.9.0
        schema: { type: record, name: Invoice, fields: [{ name: id, type: long }] }
    proto:
      payload:
        schemaFormat: application/vnd.google.protobuf;version=3
        schema: 'message Point { int32 x = 1; }'
  schemas:
    Order:
      type: object
      properties:
        id: { type: integer }
        parent: { $ref: '#/components/schemas/Order' }
`;

describe("mapAsyncApiDocument (through parseAsyncApi)", () => {
  it("maps AMQP exchanges, routing keys from cc, Kafka topic bindings and several servers", async () => {
    const { document } = await mapped(ordersV3);
    expect(document.eventTypes.map((e) => e.name)).toEqual(["invoice", "order.placed", "proto"]);
    const [invoice, orderPlaced] = document.eventTypes;
    expect(orderPlaced?.bindings).toEqual([
      { broker: "kafka", destination: "orders-v1", routingKey: "" },
      { broker: "rabbitmq", destination: "orders", routingKey: "order.placed.eu" },
      { broker: "rabbitmq", destination: "orders", routingKey: "order.placed.us" },
    ]);
    // `address: null` (a dynamic reply channel) gives no binding.
    expect(invoice?.bindings).toEqual([{ broker: "kafka", destination: "orders-v1", routingKey: "" }]);
  });

  it("merges roles across operations and honours x-eventscope-service", async () => {
    const { document } = await mapped(ordersV3);
    expect(document.services).toEqual([
      { name: "audit", description: "" },
      { name: "order-service", description: "Takes orders" },
    ]);
    expect(document.eventTypes[1]).toMatchObject({ producers: ["order-service"], consumers: ["audit"] });
    expect(document.eventTypes[0]).toMatchObject({ producers: [], consumers: [] });
  });

  it("maps description, tags, domain tags, examples and schema formats", async () => {
    const { document, warnings } = await mapped(ordersV3);
    const [invoice, orderPlaced, proto] = document.eventTypes;
    expect(orderPlaced).toMatchObject({
      description: "An order was placed",
      tags: ["orders", "public"],
      domain: "sales",
      examplePayload: '{"id":7}',
    });
    // The recursive $ref becomes an object cycle in the parser; it comes back as a JSON pointer.
    expect(orderPlaced?.schema).toEqual({
      format: "JSON_SCHEMA",
      text: '{"type":"object","properties":{"id":{"type":"integer"},"parent":{"$ref":"#"}}}',
    });
    expect(invoice).toMatchObject({
      description: "An invoice, in Avro",
      domain: null,
      schema: { format: "AVRO", text: '{"type":"record","name":"Invoice","fields":[{"name":"id","type":"long"}]}' },
      examplePayload: null,
    });
    expect(proto?.schema).toBeNull();
    expect(warnings).toContain('Message "proto": schema format "application/vnd.google.protobuf;version=3" is not supported; imported without a schema');
  });

  it("maps AsyncAPI 2.6 Avro payloads, amqp bindings and JSON input", async () => {
    const document = JSON.stringify({
      asyncapi: "2.6.0",
      info: { title: "Billing", version: "1.0.0" },
      servers: { rabbit: { url: "localhost", protocol: "amqp" } },
      channels: {
        "invoice.created": {
          bindings: { amqp: { is: "routingKey", exchange: { name: "billing", type: "topic" } } },
          subscribe: { operationId: "sendInvoice", message: { $ref: "#/components/messages/invoiceCreated" } },
          publish: { operationId: "receiveInvoice", message: { $ref: "#/components/messages/invoiceCreated" } },
        },
      },
      components: {
        messages: {
          invoiceCreated: {
            schemaFormat: "application/vnd.apache.avro;version=1.9.0",
            payload: { type: "record", name: "Invoice", fields: [{ name: "id", type: "string" }] },
          },
        },
      },
    });
    const { document: catalog, warnings } = await mapped(document, "billing.json");
    expect(catalog.eventTypes).toEqual([
      {
        name: "invoiceCreated",
        description: "",
        domain: null,
        tags: [],
        schema: { format: "AVRO", text: '{"type":"record","name":"Invoice","fields":[{"name":"id","type":"string"}]}' },
        examplePayload: null,
        bindings: [{ broker: "rabbitmq", destination: "billing", routingKey: "invoice.created" }],
        producers: ["billing"],
        consumers: ["billing"],
      },
    ]);
    expect(warnings).toContain('#/components/messages/invoiceCreated/schemaFormat: No schema parser registered for "application/vnd.apache.avro;version=1.9.0"');
  });

  it("names 2.x inline messages by messageId, then by operationId", async () => {
    const { document } = await mapped(`asyncapi: 2.6.0
info: { title: Inline, version: '1' }
channels:
  a:
    subscribe:
      operationId: emitA
      message: { payload: { type: string } }
  b:
    publish:
      message: { messageId: bMessage, payload: { type: string } }
`);
    expect(document.eventTypes.map((e) => [e.name, e.producers, e.consumers])).toEqual([
      ["bMessage", [], ["inline"]],
      ["emitA", ["inline"], []],
    ]);
  });

  it("names 3.x unnamed messages by their components key rather than the channel's key", async () => {
    const { document } = await mapped(`asyncapi: 3.0.0
info: { title: Keys, version: '1' }
channels:
  events:
    address: events
    messages:
      channelKey: { $ref: '#/components/messages/componentKey' }
      inlineKey: { payload: { type: string } }
operations:
  emit:
    action: send
    channel: { $ref: '#/channels/events' }
    messages:
      - $ref: '#/channels/events/messages/channelKey'
      - $ref: '#/channels/events/messages/inlineKey'
components:
  messages:
    componentKey: { payload: { type: integer } }
`);
    expect(document.eventTypes.map((e) => [e.name, e.producers, e.bindings.length])).toEqual([
      ["componentKey", ["keys"], 0],
      ["inlineKey", ["keys"], 0],
    ]);
  });

  it("derives service names from titles", () => {
    expect(serviceNameFromTitle("  Website  Backend ")).toBe("website-backend");
  });
});

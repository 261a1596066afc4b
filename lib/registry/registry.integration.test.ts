import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../db";
import { databaseConfig, parseEnv } from "../env";
import { AppError } from "../errors";
import { changeVersionState } from "./change-version-state";
import { checkEventVersion } from "./check-event-version";
import { getEventType } from "./get-event-type";
import { eventTypeListQuerySchema, listEventTypes } from "./list-event-types";
import { registerEventVersion } from "./register-event-version";
import { saveEventType, updateEventType } from "./save-event-type";
import { createSpanWriter } from "../traces/span-store/create-span-writer";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
const database = createDatabase(config);
afterAll(() => database.$disconnect());

const open = (properties: Record<string, unknown>, required: string[] = []) => JSON.stringify({ type: "object", properties, required });
const closed = (properties: Record<string, unknown>, required: string[] = []) =>
  JSON.stringify({ type: "object", properties, required, additionalProperties: false });

async function freshEventType(name: string, consumers: string[] = []) {
  await saveEventType(database, { name, ownerTeam: "checkout", domain: "orders", consumers, tags: ["registry-test"] }, { ifExists: "fail" });
}

async function expectAppError(promise: Promise<unknown>, code: string, reason?: string) {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (reason) expect((error as AppError).reason).toBe(reason);
}

describe("registering event versions", () => {
  it("registers v1, returns the same version for the same schema, and numbers the next one", async () => {
    await freshEventType("registry-test.basic");
    const first = await registerEventVersion(database, "registry-test.basic", { schema: closed({ id: { type: "string" } }, ["id"]) });
    expect(first).toMatchObject({ status: "registered", version: 1 });
    const again = await registerEventVersion(database, "registry-test.basic", { schema: JSON.stringify(JSON.parse(closed({ id: { type: "string" } }, ["id"])), null, 4) });
    expect(again).toEqual({ status: "exists", version: 1, schemaId: (first as { schemaId: number }).schemaId });
    const second = await registerEventVersion(database, "registry-test.basic", { schema: closed({ id: { type: "string" }, note: { type: "string" } }, ["id"]) });
    expect(second).toMatchObject({ status: "registered", version: 2 });
  });

  it("gives identical schema text one global id across event types", async () => {
    await freshEventType("registry-test.shared-a");
    await freshEventType("registry-test.shared-b");
    const schema = closed({ shared: { type: "integer" } });
    const a = await registerEventVersion(database, "registry-test.shared-a", { schema });
    const b = await registerEventVersion(database, "registry-test.shared-b", { schema });
    expect(a.status).toBe("registered");
    expect(b.status).toBe("registered");
    expect((a as { schemaId: number }).schemaId).toBe((b as { schemaId: number }).schemaId);
  });

  it("blocks a breaking change and names the consumers it would hit", async () => {
    await freshEventType("registry-test.breaking", ["payment", "email"]);
    await registerEventVersion(database, "registry-test.breaking", { schema: closed({ id: { type: "string" }, amount: { type: "integer" } }, ["id", "amount"]) });
    const result = await registerEventVersion(database, "registry-test.breaking", { schema: closed({ id: { type: "string" }, amount: { type: "string" } }, ["id", "amount"]) });
    expect(result.status).toBe("incompatible");
    if (result.status === "incompatible") {
      expect(result.mode).toBe("BACKWARD");
      expect(result.consumers).toEqual(["email", "payment"]);
      expect(result.differences[0]?.path).toBe("#/properties/amount");
    }
    expect((await getEventType(database, "registry-test.breaking")).versions).toHaveLength(1);
  });

  it("counts consumers seen at run time among those a breaking change would hit", async () => {
    await freshEventType("registry-test.observed", ["email"]);
    await registerEventVersion(database, "registry-test.observed", { schema: closed({ id: { type: "string" } }, ["id"]) });
    const writer = createSpanWriter(config);
    await writer.write([
      {
        traceId: "dddddddddddddddddddddddddddddd01",
        spanId: "00000000000000d1",
        parentSpanId: null,
        serviceName: "fraud-check",
        name: "registry-test.observed process",
        kind: 5,
        startTimeUnixNano: 1n,
        endTimeUnixNano: 2n,
        statusCode: 0,
        statusMessage: "",
        attributes: "{}",
        resource: "{}",
        events: "[]",
        messaging: { role: "consume", system: "embedded", destination: null, eventType: "registry-test.observed", messageId: null, consumerGroup: null },
        links: [],
        keys: [],
      },
    ]);
    await writer.close();
    const check = await checkEventVersion(database, "registry-test.observed", { format: "JSON_SCHEMA", schema: closed({ id: { type: "integer" } }, ["id"]) });
    expect(check.consumersAtRisk).toEqual(["email", "fraud-check"]);
    await database.span.deleteMany({ where: { traceId: "dddddddddddddddddddddddddddddd01" } });
    await database.messagingUsage.deleteMany({ where: { eventType: "registry-test.observed" } });
  });

  it("explains the STRICT open-model rule, and LENIENT accepts the same change", async () => {
    await freshEventType("registry-test.open");
    await registerEventVersion(database, "registry-test.open", { schema: open({ id: { type: "string" } }) });
    const candidate = open({ id: { type: "string" }, email: { type: "string" } });
    const strict = await checkEventVersion(database, "registry-test.open", { format: "JSON_SCHEMA", schema: candidate });
    expect(strict.compatible).toBe(false);
    expect(strict.differences[0]?.kind).toBe("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
    expect(strict.differences[0]?.message).toContain("email");
    expect(strict.differences[0]?.fix).toBeTruthy();
    await updateEventType(database, "registry-test.open", { compatibilityPolicy: "LENIENT" });
    const lenient = await checkEventVersion(database, "registry-test.open", { format: "JSON_SCHEMA", schema: candidate });
    expect(lenient).toMatchObject({ compatible: true, policy: "LENIENT", mode: "BACKWARD" });
  });

  it("lets anything through under NONE", async () => {
    await saveEventType(database, { name: "registry-test.none", compatibilityMode: "NONE" }, { ifExists: "fail" });
    await registerEventVersion(database, "registry-test.none", { schema: closed({ a: { type: "string" } }, ["a"]) });
    const result = await registerEventVersion(database, "registry-test.none", { schema: closed({ b: { type: "integer" } }, ["b"]) });
    expect(result).toMatchObject({ status: "registered", version: 2 });
  });

  it("yields one version when the same schema is registered concurrently", async () => {
    await freshEventType("registry-test.concurrent");
    const schema = closed({ id: { type: "string" }, at: { type: "string" } });
    const results = await Promise.all(Array.from({ length: 10 }, () => registerEventVersion(database, "registry-test.concurrent", { schema })));
    expect(new Set(results.map((result) => (result.status === "incompatible" ? -1 : result.version)))).toEqual(new Set([1]));
    expect(results.filter((result) => result.status === "registered")).toHaveLength(1);
    expect((await getEventType(database, "registry-test.concurrent")).versions).toHaveLength(1);
  });

  it("rejects bad input with a clear error and writes nothing", async () => {
    await freshEventType("registry-test.bad-input");
    await expectAppError(registerEventVersion(database, "registry-test.bad-input", { schema: "{not json" }), "UNPROCESSABLE", "INVALID_SCHEMA");
    await expectAppError(registerEventVersion(database, "registry-test.bad-input", { format: "AVRO", schema: '{"type":"record"}' }), "UNPROCESSABLE", "INVALID_SCHEMA");
    await expectAppError(registerEventVersion(database, "registry-test.bad-input", { schema: JSON.stringify({ type: "object", description: "x".repeat(1024 * 1024) }) }), "PAYLOAD_TOO_LARGE");
    await expectAppError(
      registerEventVersion(database, "registry-test.bad-input", { schema: closed({ n: { type: "integer" } }, ["n"]), examplePayload: '{"n":"one"}' }),
      "UNPROCESSABLE",
      "INVALID_EXAMPLE",
    );
    await expectAppError(registerEventVersion(database, "registry-test.missing", { schema: closed({}) }), "NOT_FOUND", "SUBJECT_NOT_FOUND");
    expect((await getEventType(database, "registry-test.bad-input")).versions).toHaveLength(0);
  });

  it("registers Avro schemas with Avro resolution rules", async () => {
    await freshEventType("registry-test.avro");
    const v1 = { type: "record", name: "Order", fields: [{ name: "id", type: "string" }] };
    await registerEventVersion(database, "registry-test.avro", { format: "AVRO", schema: JSON.stringify(v1) });
    const withDefault = { ...v1, fields: [...v1.fields, { name: "qty", type: "int", default: 1 }] };
    expect((await registerEventVersion(database, "registry-test.avro", { format: "AVRO", schema: JSON.stringify(withDefault) })).status).toBe("registered");
    const withoutDefault = { ...v1, fields: [...withDefault.fields, { name: "sku", type: "string" }] };
    expect((await registerEventVersion(database, "registry-test.avro", { format: "AVRO", schema: JSON.stringify(withoutDefault) })).status).toBe("incompatible");
  });
});

describe("lifecycle", () => {
  it("moves draft → active → deprecated → retired and refuses going back from retired", async () => {
    await freshEventType("registry-test.lifecycle");
    await registerEventVersion(database, "registry-test.lifecycle", { schema: closed({ id: { type: "string" } }), state: "DRAFT" });
    expect((await changeVersionState(database, "registry-test.lifecycle", 1, { state: "ACTIVE", changedBy: "ada" })).state).toBe("ACTIVE");
    const deprecated = await changeVersionState(database, "registry-test.lifecycle", 1, { state: "DEPRECATED", changedBy: "grace" });
    expect(deprecated).toMatchObject({ state: "DEPRECATED", stateChangedBy: "grace" });
    await changeVersionState(database, "registry-test.lifecycle", 1, { state: "RETIRED", changedBy: "grace" });
    await expectAppError(changeVersionState(database, "registry-test.lifecycle", 1, { state: "ACTIVE", changedBy: "ada" }), "CONFLICT");
    await expectAppError(changeVersionState(database, "registry-test.lifecycle", 9, { state: "ACTIVE", changedBy: "ada" }), "NOT_FOUND");
  });
});

describe("catalog search", () => {
  it("finds event types by schema field names and narrows by facets", async () => {
    await freshEventType("registry-test.searchable");
    await registerEventVersion(database, "registry-test.searchable", { schema: closed({ warehouseSlotCode: { type: "string" } }) });
    const byField = await listEventTypes(database, eventTypeListQuerySchema.parse({ q: "warehouseslotcode" }));
    expect(byField.items.map((item) => item.name)).toEqual(["registry-test.searchable"]);
    const byTag = await listEventTypes(database, eventTypeListQuerySchema.parse({ q: "registry-test", domain: "orders", pageSize: 200 }));
    expect(byTag.items.every((item) => item.domain === "Orders")).toBe(true);
    expect(byTag.facets.domain.find((facet) => facet.value === "orders")?.count).toBe(byTag.total);
    const paged = await listEventTypes(database, eventTypeListQuerySchema.parse({ q: "registry-test", domain: "orders", pageSize: 2, page: 2 }));
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBe(byTag.total);
  });
});

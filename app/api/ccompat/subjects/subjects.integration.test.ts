import { describe, expect, it } from "vitest";
import { callCcompatRoute } from "@/lib/ccompat/call-ccompat-route";
import { GET as getSchemaById } from "../schemas/ids/[id]/route";
import { DELETE as deleteSubject, POST as lookupSchema } from "./[subject]/route";
import { DELETE as deleteVersion, GET as getVersion } from "./[subject]/versions/[version]/route";
import { GET as getVersionSchema } from "./[subject]/versions/[version]/schema/route";
import { GET as listVersions, POST as register } from "./[subject]/versions/route";
import { GET as listSubjects } from "./route";

// Unique per run: the database is shared by every integration test file (and may be reused on PostgreSQL).
const run = Date.now().toString(36);
const subjectName = (name: string) => `ccompat-test-${name}-${run}`;

const jsonSchema = (properties: Record<string, unknown>, required: string[] = []) =>
  JSON.stringify({ type: "object", properties, required, additionalProperties: false });
const orderV1 = jsonSchema({ id: { type: "string" } }, ["id"]);
const orderV2 = jsonSchema({ id: { type: "string" }, note: { type: "string" } }, ["id"]);
const orderV3 = jsonSchema({ id: { type: "string" }, note: { type: "string" }, total: { type: "number" } }, ["id"]);
const avroUser = JSON.stringify({ type: "record", name: "User", fields: [{ name: "id", type: "string" }] });

const registerJson = (subject: string, schema: string, extra: Record<string, unknown> = {}) =>
  callCcompatRoute(register, "POST", `/subjects/${subject}/versions`, { params: { subject }, body: { schema, schemaType: "JSON", ...extra } });
const versionsOf = (subject: string, query = "") => callCcompatRoute(listVersions, "GET", `/subjects/${subject}/versions${query}`, { params: { subject } });
const versionOf = (subject: string, version: string, query = "") =>
  callCcompatRoute(getVersion, "GET", `/subjects/${subject}/versions/${version}${query}`, { params: { subject, version } });
const subjects = (query = "") => callCcompatRoute(listSubjects, "GET", `/subjects${query}`);
const schemaById = (id: number) => callCcompatRoute(getSchemaById, "GET", `/schemas/ids/${id}`, { params: { id: String(id) } });
const dropVersion = (subject: string, version: string, query = "") =>
  callCcompatRoute(deleteVersion, "DELETE", `/subjects/${subject}/versions/${version}${query}`, { params: { subject, version } });
const dropSubject = (subject: string, query = "") => callCcompatRoute(deleteSubject, "DELETE", `/subjects/${subject}${query}`, { params: { subject } });

const errorOf = (errorCode: number) => ({ error_code: errorCode, message: expect.any(String) as string });

describe("Confluent API: registering and reading subject versions", () => {
  it("registers a JSON schema, answers the same id for the same schema, and serves it back", async () => {
    const subject = subjectName("orders");
    const first = await registerJson(subject, orderV1);
    expect(first).toMatchObject({ status: 200, contentType: "application/vnd.schemaregistry.v1+json", body: { id: expect.any(Number) as number } });
    const { id } = first.body as { id: number };
    expect(await registerJson(subject, JSON.stringify(JSON.parse(orderV1), null, 2))).toMatchObject({ status: 200, body: { id } });
    expect((await versionsOf(subject)).body).toEqual([1]);
    expect((await subjects()).body).toContain(subject);

    const expected = { subject, version: 1, id, schemaType: "JSON", schema: orderV1 };
    for (const version of ["1", "latest", "-1"]) expect(await versionOf(subject, version)).toMatchObject({ status: 200, body: expected });
    const raw = await callCcompatRoute(getVersionSchema, "GET", `/subjects/${subject}/versions/1/schema`, { params: { subject, version: "1" } });
    expect(raw).toMatchObject({ status: 200, body: JSON.parse(orderV1) as unknown });
    expect(await schemaById(id)).toMatchObject({ status: 200, body: { schema: orderV1, schemaType: "JSON" } });
  });

  it("takes Avro when schemaType is absent and leaves schemaType out of its answers", async () => {
    const subject = subjectName("users");
    const registered = await callCcompatRoute(register, "POST", `/subjects/${subject}/versions`, { params: { subject }, body: { schema: avroUser } });
    expect(registered.status).toBe(200);
    const { id } = registered.body as { id: number };
    expect((await versionOf(subject, "latest")).body).toEqual({ subject, version: 1, id, schema: avroUser });
    expect((await schemaById(id)).body).toEqual({ schema: avroUser });
  });

  it("accepts every Confluent content type (or none) and ignores unknown request fields", async () => {
    const subject = subjectName("media");
    const contentTypes = ["application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json", "application/json", null];
    for (const [index, contentType] of contentTypes.entries()) {
      const schema = jsonSchema(Object.fromEntries(Array.from({ length: index + 1 }, (_, field) => [`f${field}`, { type: "string" }])));
      const body = { schema, schemaType: "JSON", metadata: { properties: { owner: "x" } }, ruleSet: null, normalize: true };
      const response = await callCcompatRoute(register, "POST", `/subjects/${subject}/versions`, { params: { subject }, body, contentType });
      expect(response.status, String(contentType)).toBe(200);
    }
    expect((await versionsOf(subject)).body).toEqual([1, 2, 3, 4]);
  });

  it("rejects an incompatible schema with Confluent's 409 and keeps the versions as they were", async () => {
    const subject = subjectName("breaking");
    await registerJson(subject, orderV1);
    const response = await registerJson(subject, jsonSchema({ id: { type: "integer" } }, ["id"]));
    expect(response.status).toBe(409);
    const body = response.body as { error_code: number; message: string };
    expect(body.error_code).toBe(409);
    expect(body.message).toMatch(new RegExp(`^Schema being registered is incompatible with an earlier schema for subject "${subject}", details: \\[\\{errorType:'`));
    expect(body.message).toContain("{compatibility: 'BACKWARD'}");
    expect((await versionsOf(subject)).body).toEqual([1]);
  });

  it("refuses bad input with Confluent's codes and writes nothing", async () => {
    const subject = subjectName("refused");
    const cases: [unknown, number, number][] = [
      [{ schema: JSON.stringify({ type: 42 }), schemaType: "JSON" }, 422, 42201],
      [{ schema: "syntax = \"proto3\"; message M {}", schemaType: "PROTOBUF" }, 422, 42201],
      [{ schema: avroUser, references: [{ name: "x", subject: "y", version: 1 }] }, 422, 42201],
      [{ schemaType: "JSON" }, 422, 42201],
      [{ schema: JSON.stringify({ type: "object", description: "x".repeat(1024 * 1024) }), schemaType: "JSON" }, 422, 42209],
      ["{not json", 400, 400],
    ];
    for (const [body, status, errorCode] of cases) {
      const response = await callCcompatRoute(register, "POST", `/subjects/${subject}/versions`, { params: { subject }, body });
      expect(response, JSON.stringify(body).slice(0, 80)).toMatchObject({ status, body: errorOf(errorCode) });
    }
    expect(await versionsOf(subject)).toMatchObject({ status: 404, body: { error_code: 40401, message: `Subject '${subject}' not found.` } });
    expect((await subjects("?deleted=true")).body).not.toContain(subject);
  });

  it("answers 40401, 40402 and 42202 for what is not there or not a version", async () => {
    const subject = subjectName("missing");
    expect(await versionOf(subject, "1")).toMatchObject({ status: 404, body: errorOf(40401) });
    await registerJson(subject, orderV1);
    expect(await versionOf(subject, "7")).toMatchObject({ status: 404, body: { error_code: 40402, message: "Version 7 not found." } });
    for (const bad of ["0", "-2", "abc", "2147483648"]) expect(await versionOf(subject, bad)).toMatchObject({ status: 422, body: errorOf(42202) });
  });

  it("looks a schema up under a subject: 200 with its version, 40403 when not registered, 40401 for no subject", async () => {
    const subject = subjectName("lookup");
    const { id } = (await registerJson(subject, orderV1)).body as { id: number };
    const lookup = (name: string, schema: string) => callCcompatRoute(lookupSchema, "POST", `/subjects/${name}`, { params: { subject: name }, body: { schema, schemaType: "JSON" } });
    expect(await lookup(subject, JSON.stringify(JSON.parse(orderV1), null, 1))).toMatchObject({
      status: 200,
      body: { subject, id, version: 1, schemaType: "JSON", schema: orderV1 },
    });
    expect(await lookup(subject, orderV2)).toMatchObject({ status: 404, body: { error_code: 40403, message: "Schema not found" } });
    expect(await lookup(subjectName("nobody"), orderV1)).toMatchObject({ status: 404, body: errorOf(40401) });
    expect(await lookup(subject, JSON.stringify({ type: 42 }))).toMatchObject({ status: 422, body: errorOf(42201) });
  });

  it("resolves <name>-value to the event type <name>", async () => {
    const subject = subjectName("payments");
    await registerJson(subject, orderV1);
    expect((await versionsOf(`${subject}-value`)).body).toEqual([1]);
    expect(await registerJson(`${subject}-value`, orderV2)).toMatchObject({ status: 200 });
    expect((await versionsOf(subject)).body).toEqual([1, 2]);
    expect((await versionOf(`${subject}-value`, "latest")).body).toMatchObject({ subject: `${subject}-value`, version: 2 });
    expect((await subjects()).body).not.toContain(`${subject}-value`);
  });

  it("registers the same schema concurrently as exactly one new version with one id", async () => {
    const subject = subjectName("race");
    const responses = await Promise.all(Array.from({ length: 10 }, () => registerJson(subject, orderV1)));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((response) => (response.body as { id: number }).id)).size).toBe(1);
    expect((await versionsOf(subject)).body).toEqual([1]);
  });
});

describe("Confluent API: soft and permanent deletes", () => {
  it("soft-deletes a version, keeps its id readable, never reuses its number, and deletes permanently after", async () => {
    const subject = subjectName("versions-delete");
    const { id: firstId } = (await registerJson(subject, orderV1)).body as { id: number };
    await registerJson(subject, orderV2);

    expect(await dropVersion(subject, "2", "?permanent=true")).toMatchObject({ status: 404, body: { error_code: 40407, message: `Subject '${subject}' Version 2 was not deleted first before being permanently deleted` } });
    expect(await dropVersion(subject, "1")).toMatchObject({ status: 200, body: 1 });
    expect(await dropVersion(subject, "1")).toMatchObject({ status: 404, body: errorOf(40406) });
    expect((await versionsOf(subject)).body).toEqual([2]);
    expect((await versionsOf(subject, "?deleted=true")).body).toEqual([1, 2]);
    expect(await versionOf(subject, "1")).toMatchObject({ status: 404, body: errorOf(40402) });
    expect(await versionOf(subject, "1", "?deleted=true")).toMatchObject({ status: 200, body: { version: 1, id: firstId } });
    expect(await schemaById(firstId)).toMatchObject({ status: 200, body: { schema: orderV1 } });

    expect(await dropVersion(subject, "latest")).toMatchObject({ status: 200, body: 2 });
    expect(await registerJson(subject, orderV3)).toMatchObject({ status: 200 });
    expect((await versionsOf(subject)).body).toEqual([3]);

    expect(await dropVersion(subject, "1", "?permanent=true")).toMatchObject({ status: 200, body: 1 });
    expect((await versionsOf(subject, "?deleted=true")).body).toEqual([2, 3]);
    expect(await dropVersion(subject, "1", "?permanent=true")).toMatchObject({ status: 404, body: errorOf(40402) });
  });

  it("soft-deletes a subject (40404 twice), hides it, and removes it permanently only after that (40405)", async () => {
    const subject = subjectName("subject-delete");
    const { id } = (await registerJson(subject, jsonSchema({ only: { type: "boolean" } }))).body as { id: number };
    await registerJson(subject, jsonSchema({ only: { type: "boolean" }, more: { type: "string" } }));

    expect(await dropSubject(subject, "?permanent=true")).toMatchObject({ status: 404, body: { error_code: 40405, message: `Subject '${subject}' was not deleted first before being permanently deleted` } });
    expect(await dropSubject(subject)).toMatchObject({ status: 200, body: [1, 2] });
    expect(await dropSubject(subject)).toMatchObject({ status: 404, body: { error_code: 40404, message: `Subject '${subject}' was soft deleted.Set permanent=true to delete permanently` } });
    expect((await subjects()).body).not.toContain(subject);
    expect((await subjects("?deleted=true")).body).toContain(subject);
    expect(await versionsOf(subject)).toMatchObject({ status: 404, body: errorOf(40401) });
    expect(await schemaById(id)).toMatchObject({ status: 200 });

    expect(await dropSubject(subject, "?permanent=true")).toMatchObject({ status: 200, body: [1, 2] });
    expect((await subjects("?deleted=true")).body).not.toContain(subject);
    expect(await schemaById(id)).toMatchObject({ status: 404, body: { error_code: 40403, message: `Schema ${id} not found` } });
    expect(await dropSubject(subject)).toMatchObject({ status: 404, body: errorOf(40401) });
  });

  it("brings a soft-deleted subject back on the next registration, numbering on", async () => {
    const subject = subjectName("revived");
    await registerJson(subject, orderV1);
    await dropSubject(subject);
    expect(await registerJson(subject, orderV1)).toMatchObject({ status: 200 });
    expect((await versionsOf(subject)).body).toEqual([2]);
    expect((await subjects()).body).toContain(subject);
  });
});

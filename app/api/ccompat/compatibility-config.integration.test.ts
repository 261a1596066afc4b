import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callCcompatRoute } from "@/lib/ccompat/call-ccompat-route";
import { GET as unknownRoute } from "./[...path]/route";
import { POST as checkAllVersions } from "./compatibility/subjects/[subject]/versions/route";
import { POST as checkVersion } from "./compatibility/subjects/[subject]/versions/[version]/route";
import { DELETE as deleteSubjectConfig, GET as getSubjectConfig, PUT as putSubjectConfig } from "./config/[subject]/route";
import { DELETE as deleteGlobalConfig, GET as getGlobalConfig, PUT as putGlobalConfig } from "./config/route";
import { GET as getMode } from "./mode/route";
import { GET as root } from "./route";
import { GET as schemaSubjects } from "./schemas/ids/[id]/subjects/route";
import { GET as schemaVersions } from "./schemas/ids/[id]/versions/route";
import { GET as schemaById } from "./schemas/ids/[id]/route";
import { GET as schemaTypes } from "./schemas/types/route";
import { DELETE as deleteVersion } from "./subjects/[subject]/versions/[version]/route";
import { POST as register } from "./subjects/[subject]/versions/route";

const run = Date.now().toString(36);
const subjectName = (name: string) => `ccompat-test-${name}-${run}`;

const jsonSchema = (properties: Record<string, unknown>, required: string[] = []) => JSON.stringify({ type: "object", properties, required, additionalProperties: false });
const v1 = jsonSchema({ id: { type: "string" } }, ["id"]);
const v2 = jsonSchema({ id: { type: "string" } });
const breaking = jsonSchema({ id: { type: "integer" } }, ["id"]);

const registerJson = async (subject: string, schema: string) => {
  const response = await callCcompatRoute(register, "POST", `/subjects/${subject}/versions`, { params: { subject }, body: { schema, schemaType: "JSON" } });
  expect(response.status).toBe(200);
  return (response.body as { id: number }).id;
};
const check = (subject: string, version: string | undefined, schema: string, query = "") =>
  version === undefined
    ? callCcompatRoute(checkAllVersions, "POST", `/compatibility/subjects/${subject}/versions${query}`, { params: { subject }, body: { schema, schemaType: "JSON" } })
    : callCcompatRoute(checkVersion, "POST", `/compatibility/subjects/${subject}/versions/${version}${query}`, { params: { subject, version }, body: { schema, schemaType: "JSON" } });
const subjectConfig = (subject: string, query = "") => callCcompatRoute(getSubjectConfig, "GET", `/config/${subject}${query}`, { params: { subject } });
const setSubjectConfig = (subject: string, body: unknown) => callCcompatRoute(putSubjectConfig, "PUT", `/config/${subject}`, { params: { subject }, body });
const globalConfig = () => callCcompatRoute(getGlobalConfig, "GET", "/config");
const setGlobalConfig = (body: unknown) => callCcompatRoute(putGlobalConfig, "PUT", "/config", { body });
const errorOf = (errorCode: number) => ({ error_code: errorCode, message: expect.any(String) as string });

// The global config is shared with every other test file: put it back as it was.
let saved: { compatibilityLevel: string; compatibilityPolicy: string };
beforeAll(async () => {
  saved = (await globalConfig()).body as typeof saved;
});
afterAll(async () => {
  await setGlobalConfig({ compatibility: saved.compatibilityLevel, compatibilityPolicy: saved.compatibilityPolicy });
});

describe("Confluent API: schemas by id", () => {
  it("lists the versions and subjects of an id shared by two subjects, and the schema types", async () => {
    const [a, b] = [subjectName("shared-a"), subjectName("shared-b")];
    // A field name no other test uses: identical schema text anywhere in the database shares the id.
    const schema = jsonSchema({ sharedByIdTest: { type: "integer" } });
    const id = await registerJson(a, schema);
    expect(await registerJson(b, schema)).toBe(id);
    const params = { id: String(id) };
    expect((await callCcompatRoute(schemaVersions, "GET", `/schemas/ids/${id}/versions`, { params })).body).toEqual([
      { subject: a, version: 1 },
      { subject: b, version: 1 },
    ]);
    expect((await callCcompatRoute(schemaSubjects, "GET", `/schemas/ids/${id}/subjects`, { params })).body).toEqual([a, b]);

    await callCcompatRoute(deleteVersion, "DELETE", `/subjects/${b}/versions/1`, { params: { subject: b, version: "1" } });
    expect((await callCcompatRoute(schemaSubjects, "GET", `/schemas/ids/${id}/subjects`, { params })).body).toEqual([a]);
    expect((await callCcompatRoute(schemaSubjects, "GET", `/schemas/ids/${id}/subjects?deleted=true`, { params })).body).toEqual([a, b]);
    expect(await callCcompatRoute(schemaTypes, "GET", "/schemas/types")).toMatchObject({ status: 200, body: ["JSON", "AVRO"] });
  });

  it("answers 40403 for an unknown or malformed id", async () => {
    expect(await callCcompatRoute(schemaById, "GET", "/schemas/ids/2147483000", { params: { id: "2147483000" } })).toMatchObject({
      status: 404,
      body: { error_code: 40403, message: "Schema 2147483000 not found" },
    });
    expect(await callCcompatRoute(schemaById, "GET", "/schemas/ids/abc", { params: { id: "abc" } })).toMatchObject({ status: 404, body: errorOf(40403) });
    expect(await callCcompatRoute(schemaVersions, "GET", "/schemas/ids/2147483000/versions", { params: { id: "2147483000" } })).toMatchObject({ status: 404, body: errorOf(40403) });
  });
});

describe("Confluent API: compatibility checks", () => {
  it("checks against one version or the latest, with messages when verbose", async () => {
    const subject = subjectName("compat");
    await registerJson(subject, v1);
    expect(await check(subject, "latest", v2)).toMatchObject({ status: 200, body: { is_compatible: true } });
    expect((await check(subject, "1", v2)).body).toEqual({ is_compatible: true });
    expect((await check(subject, "latest", breaking)).body).toEqual({ is_compatible: false });
    const verbose = (await check(subject, "latest", breaking, "?verbose=true")).body as { is_compatible: boolean; messages: string[] };
    expect(verbose.is_compatible).toBe(false);
    expect(verbose.messages.at(-1)).toBe("{compatibility: 'BACKWARD'}");
    expect(verbose.messages[0]).toMatch(/^\{errorType:'.+', description:'.+', additionalInfo:'path: '#.*', oldSchemaVersion: 1'\}$/);
    expect((await check(subject, "latest", v2, "?verbose=true")).body).toEqual({ is_compatible: true, messages: [] });
  });

  it("checks every version under a transitive level and only the latest otherwise", async () => {
    const subject = subjectName("transitive");
    const avro = (fields: unknown[]) => JSON.stringify({ type: "record", name: "Reading", fields });
    const registerAvro = (schema: string) => callCcompatRoute(register, "POST", `/subjects/${subject}/versions`, { params: { subject }, body: { schema } });
    const checkAvro = (version: string | undefined, schema: string) =>
      version === undefined
        ? callCcompatRoute(checkAllVersions, "POST", `/compatibility/subjects/${subject}/versions`, { params: { subject }, body: { schema } })
        : callCcompatRoute(checkVersion, "POST", `/compatibility/subjects/${subject}/versions/${version}`, { params: { subject, version }, body: { schema } });
    expect((await registerAvro(avro([{ name: "a", type: "string" }]))).status).toBe(200);
    expect((await registerAvro(avro([{ name: "a", type: "string" }, { name: "b", type: "int", default: 0 }]))).status).toBe(200);
    // Reads v2's data (b is there) but not v1's (b is missing and has no default).
    const candidate = avro([{ name: "b", type: "int" }]);
    expect(await setSubjectConfig(subject, { compatibility: "BACKWARD" })).toMatchObject({ status: 200 });
    expect((await checkAvro(undefined, candidate)).body).toEqual({ is_compatible: true });
    expect((await checkAvro("latest", candidate)).body).toEqual({ is_compatible: true });
    expect((await checkAvro("1", candidate)).body).toEqual({ is_compatible: false });
    expect(await setSubjectConfig(subject, { compatibility: "BACKWARD_TRANSITIVE" })).toMatchObject({ status: 200 });
    expect((await checkAvro(undefined, candidate)).body).toEqual({ is_compatible: false });
    expect((await checkAvro("latest", candidate)).body).toEqual({ is_compatible: true });
  });

  it("answers 40401, 40402, 42202 and 42201, and accepts anything valid for a subject without versions", async () => {
    const subject = subjectName("compat-errors");
    expect(await check(subject, "latest", v1)).toMatchObject({ status: 404, body: errorOf(40401) });
    expect(await check(subject, undefined, v1)).toMatchObject({ status: 200, body: { is_compatible: true } });
    expect(await check(subject, undefined, JSON.stringify({ type: 42 }))).toMatchObject({ status: 422, body: errorOf(42201) });
    await registerJson(subject, v1);
    expect(await check(subject, "9", v1)).toMatchObject({ status: 404, body: errorOf(40402) });
    expect(await check(subject, "zero", v1)).toMatchObject({ status: 422, body: errorOf(42202) });
    expect(await check(subject, "latest", JSON.stringify({ type: 42 }))).toMatchObject({ status: 422, body: errorOf(42201) });
  });
});

describe("Confluent API: config and mode", () => {
  it("reads, sets and resets the global level and policy; 42203 for unknown values", async () => {
    expect(await setGlobalConfig({ compatibility: "FULL", compatibilityPolicy: "lenient" })).toMatchObject({
      status: 200,
      body: { compatibility: "FULL", compatibilityPolicy: "LENIENT" },
    });
    expect((await globalConfig()).body).toEqual({ compatibilityLevel: "FULL", compatibilityPolicy: "LENIENT" });
    expect((await setGlobalConfig({ compatibility: "backward_transitive" })).body).toEqual({ compatibility: "BACKWARD_TRANSITIVE" });
    expect(await setGlobalConfig({ compatibility: "SIDEWAYS" })).toMatchObject({
      status: 422,
      body: { error_code: 42203, message: "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive" },
    });
    expect(await setGlobalConfig({ compatibilityPolicy: "LOOSE" })).toMatchObject({ status: 422, body: errorOf(42203) });
    expect(await setGlobalConfig({})).toMatchObject({ status: 422, body: errorOf(42203) });
    expect(await setGlobalConfig("[1]")).toMatchObject({ status: 422, body: errorOf(42203) });
    expect((await globalConfig()).body).toEqual({ compatibilityLevel: "BACKWARD_TRANSITIVE", compatibilityPolicy: "LENIENT" });
    expect((await callCcompatRoute(deleteGlobalConfig, "DELETE", "/config")).body).toEqual({ compatibilityLevel: "BACKWARD_TRANSITIVE", compatibilityPolicy: "LENIENT" });
    expect((await globalConfig()).body).toEqual({ compatibilityLevel: "BACKWARD", compatibilityPolicy: "STRICT" });
  });

  it("sets a subject's own level (even before its first schema), falls back to global on delete", async () => {
    const subject = subjectName("config");
    expect(await subjectConfig(subject)).toMatchObject({ status: 404, body: { error_code: 40408, message: `Subject '${subject}' does not have subject-level compatibility configured` } });
    expect((await subjectConfig(subject, "?defaultToGlobal=true")).body).toEqual({ compatibilityLevel: "BACKWARD", compatibilityPolicy: "STRICT" });
    expect((await setSubjectConfig(subject, { compatibility: "none", compatibilityPolicy: "LENIENT" })).body).toEqual({ compatibility: "NONE", compatibilityPolicy: "LENIENT" });
    expect((await subjectConfig(subject)).body).toEqual({ compatibilityLevel: "NONE", compatibilityPolicy: "LENIENT" });
    expect((await subjectConfig(`${subject}-value`)).body).toEqual({ compatibilityLevel: "NONE", compatibilityPolicy: "LENIENT" });
    expect(await setSubjectConfig(subject, { compatibility: "ALL" })).toMatchObject({ status: 422, body: errorOf(42203) });

    await registerJson(subject, v1);
    expect(await registerJson(subject, breaking)).toBeGreaterThan(0);

    const removed = await callCcompatRoute(deleteSubjectConfig, "DELETE", `/config/${subject}`, { params: { subject } });
    expect(removed).toMatchObject({ status: 200, body: { compatibilityLevel: "NONE", compatibilityPolicy: "LENIENT" } });
    expect(await subjectConfig(subject)).toMatchObject({ status: 404, body: errorOf(40408) });
    expect(await callCcompatRoute(deleteSubjectConfig, "DELETE", `/config/${subject}`, { params: { subject } })).toMatchObject({ status: 404, body: errorOf(40401) });
  });

  it("answers the mode, the root, and unknown paths in Confluent's shape", async () => {
    expect(await callCcompatRoute(getMode, "GET", "/mode")).toMatchObject({ status: 200, body: { mode: "READWRITE" } });
    expect(await callCcompatRoute(root, "GET", "/")).toMatchObject({ status: 200, body: {} });
    expect(await callCcompatRoute(unknownRoute, "GET", "/contexts", { params: { path: "contexts" } })).toMatchObject({ status: 404, body: { error_code: 404, message: "HTTP 404 Not Found" } });
  });
});

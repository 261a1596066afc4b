import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../db";
import { databaseConfig, parseEnv } from "../env";
import { parseAsyncApi } from "./asyncapi/parse-asyncapi";
import { exportAsyncApiDocument } from "./export-asyncapi-document";
import { getEventType } from "./get-event-type";
import { asyncApiUploadSchema, importAsyncApi } from "./import-asyncapi";

const fixtures = path.resolve(import.meta.dirname, "../../../shared/fixtures/asyncapi");
const database = createDatabase(databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") })));
afterAll(() => database.$disconnect());

function upload(entry: string, root = fixtures) {
  const files: { path: string; content: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) files.push({ path: path.relative(root, full), content: readFileSync(full, "utf8") });
    }
  };
  walk(root);
  return asyncApiUploadSchema.parse({ files, entry });
}

describe("AsyncAPI import", () => {
  it("imports a 3.x document, and importing it again changes nothing", async () => {
    const first = await importAsyncApi(database, upload("streetlights-kafka-asyncapi.yml", fixtures));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const imported = [...first.summary.created, ...first.summary.updated, ...first.summary.unchanged].sort();
    expect(imported.length).toBeGreaterThan(0);
    for (const name of imported) expect((await getEventType(database, name)).versions.length).toBeGreaterThan(0);
    const again = await importAsyncApi(database, upload("streetlights-kafka-asyncapi.yml", fixtures));
    expect(again).toMatchObject({ ok: true, summary: { created: [], updated: [], versionsRegistered: 0 } });
    if (again.ok) expect(again.summary.unchanged.sort()).toEqual(imported);
  });

  it("imports a multi-file document with $refs across files", async () => {
    const result = await importAsyncApi(database, upload("backend/asyncapi.yaml", path.join(fixtures, "social-media")));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.summary.created.length + result.summary.updated.length + result.summary.unchanged.length).toBeGreaterThan(0);
  });

  it("rejects a document with errors with the parser's messages, writing nothing", async () => {
    const before = await database.eventType.count();
    const broken = asyncApiUploadSchema.parse({ files: [{ path: "broken.yml", content: "asyncapi: 3.0.0\ninfo:\n  title: Broken\nchannels:\n  x:\n    address: [nope\n" }], entry: "broken.yml" });
    const result = await importAsyncApi(database, broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    expect(await database.eventType.count()).toBe(before);
  });
});

describe("AsyncAPI export", () => {
  it("exports a domain as an AsyncAPI 3.0 document the parser accepts, which round-trips", async () => {
    const { yaml, fileName } = await exportAsyncApiDocument(database, "orders");
    expect(fileName).toBe("eventscope-orders.asyncapi.yaml");
    const parsed = await parseAsyncApi({ files: [{ path: fileName, content: yaml }], entry: fileName });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const names = parsed.document.eventTypes.map((eventType) => eventType.name);
    expect(names).toContain("order.placed");
    const original = await getEventType(database, "order.placed");
    const exported = parsed.document.eventTypes.find((eventType) => eventType.name === "order.placed");
    expect(JSON.parse(exported!.schema!.text)).toEqual(JSON.parse(original.versions[0]!.schema));
    expect(exported!.consumers.sort()).toEqual([...original.consumers].sort());
  });
});

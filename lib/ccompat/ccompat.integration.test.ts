import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../db";
import { databaseConfig, parseEnv } from "../env";
import { saveEventType } from "../registry/save-event-type";
import { listSubjectVersions } from "./list-subjects";
import { registerSubjectSchema } from "./register-subject-schema";
import { getSubjectVersion } from "./get-subject-version";

const database = createDatabase(databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") })));
afterAll(() => database.$disconnect());

const run = Date.now().toString(36);
const schemaOf = (properties: Record<string, unknown>) => ({ schema: JSON.stringify({ type: "object", properties, additionalProperties: false }), schemaType: "JSON" });

describe("Confluent API use cases against the real database", () => {
  it("serialises concurrent registrations of one new schema under an existing subject into one version", async () => {
    const subject = `ccompat-test-lib-race-${run}`;
    await registerSubjectSchema(database, subject, schemaOf({ a: { type: "string" } }));
    const next = schemaOf({ a: { type: "string" }, b: { type: "string" } });
    const results = await Promise.all(Array.from({ length: 10 }, () => registerSubjectSchema(database, subject, next)));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await listSubjectVersions(database, subject)).toEqual([1, 2]);
    expect((await getSubjectVersion(database, subject, "latest")).id).toBe(results[0]!.id);
  });

  it("prefers an event type named exactly <name>-value over <name>", async () => {
    const name = `ccompat-test-lib-exact-${run}`;
    await saveEventType(database, { name, tags: ["ccompat-test"] }, { ifExists: "fail" });
    await saveEventType(database, { name: `${name}-value`, tags: ["ccompat-test"] }, { ifExists: "fail" });
    await registerSubjectSchema(database, name, schemaOf({ plain: { type: "string" } }));
    await registerSubjectSchema(database, `${name}-value`, schemaOf({ plain: { type: "string" } }));
    await registerSubjectSchema(database, `${name}-value`, schemaOf({ plain: { type: "string" }, more: { type: "integer" } }));
    expect(await listSubjectVersions(database, `${name}-value`)).toEqual([1, 2]);
    expect(await listSubjectVersions(database, name)).toEqual([1]);
  });
});

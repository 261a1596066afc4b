import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../db";
import { databaseConfig, parseEnv } from "../env";
import { migrate, readMigrations } from "./migrate";

const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));

describe("migrate", () => {
  it("applies nothing the second time and leaves every table in place", async () => {
    expect(await migrate(config)).toEqual({ applied: [] });
    const database = createDatabase(config);
    try {
      expect(await database.eventType.count()).toBeGreaterThan(0);
      expect(await database.span.count()).toBeGreaterThanOrEqual(0);
    } finally {
      await database.$disconnect();
    }
  });

  it("ships the same migrations for SQLite and PostgreSQL", () => {
    expect(readMigrations("sqlite").map((m) => m.name)).toEqual(readMigrations("postgresql").map((m) => m.name));
  });

  describe("on a SQLite file of its own", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "eventscope-migrate-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("creates the file and its folder, then refuses a migration edited after it was applied", async () => {
      const root = path.join(dir, "project");
      cpSync(path.resolve("prisma/migrations"), path.join(root, "prisma/migrations"), { recursive: true });
      const own = databaseConfig(parseEnv({ DATABASE_URL: `file:${path.join(dir, "nested/folder/own.db")}` }));
      const first = await migrate(own, root);
      expect(first.applied).toEqual(readMigrations("sqlite", root).map((m) => m.name));

      const [migration] = readMigrations("sqlite", root);
      const file = path.join(root, "prisma/migrations", migration!.name, "migration.sql");
      writeFileSync(file, readFileSync(file, "utf8") + "\n-- edited\n");
      await expect(migrate(own, root)).rejects.toThrow(`migration ${migration!.name} was edited after it was applied`);
    });
  });
});

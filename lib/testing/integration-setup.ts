import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../database/migrate";
import { createDatabase } from "../db";
import { seedDemoCatalog } from "../demo/seed-demo-catalog";
import { databaseConfig, parseEnv } from "../env";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Integration tests run against a real database: PostgreSQL when DATABASE_URL names one
 * (CI's second pass), otherwise a fresh SQLite file. Either way it is migrated and seeded
 * exactly as `npm start` does.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  let scratch: string | undefined;
  let url = parseEnv(process.env).DATABASE_URL;
  if (!process.env.DATABASE_URL) {
    scratch = mkdtempSync(path.join(os.tmpdir(), "eventscope-integration-"));
    url = `file:${path.join(scratch, "integration.db")}`;
  }
  const config = databaseConfig(parseEnv({ DATABASE_URL: url }));
  await migrate(config);
  const database = createDatabase(config);
  await seedDemoCatalog(database);
  await database.$disconnect();
  project.provide("databaseUrl", url);
  return () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
}

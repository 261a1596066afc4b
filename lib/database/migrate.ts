import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import pg from "pg";
import type { DatabaseConfig } from "../env";

/**
 * Applies the SQL migrations written by `npm run prisma:migration` (Prisma's `migrate diff`).
 * Prisma's own `migrate deploy` cannot read PostgreSQL's catalog through the pg driver adapter
 * (prisma/orm#27403), so Eventscope applies them itself, the same way for both providers:
 * each migration once, in its own transaction, under a lock so concurrent starts are safe.
 */
export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
}

const migrationsDirectory: Record<DatabaseConfig["provider"], string> = {
  sqlite: "prisma/migrations",
  postgresql: "prisma/postgresql/migrations",
};

const ledgerDdl = `CREATE TABLE IF NOT EXISTS "_eventscope_migrations" (
  "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TEXT NOT NULL)`;

export function readMigrations(provider: DatabaseConfig["provider"], root = process.cwd()): Migration[] {
  const dir = path.join(root, migrationsDirectory[provider]);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function pending(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new Error(`migration ${migration.name} was edited after it was applied; write a new migration instead`);
    }
  }
  return migrations.filter((migration) => !applied.has(migration.name));
}

function migrateSqlite(filePath: string, migrations: Migration[]): MigrationResult {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const database = new Sqlite(filePath);
  try {
    database.pragma("journal_mode = WAL");
    database.pragma("busy_timeout = 10000");
    database.exec(ledgerDdl);
    const run = database.transaction(() => {
      const rows = database.prepare(`SELECT "name", "checksum" FROM "_eventscope_migrations"`).all() as { name: string; checksum: string }[];
      const todo = pending(migrations, new Map(rows.map((row) => [row.name, row.checksum])));
      const record = database.prepare(`INSERT INTO "_eventscope_migrations" ("name", "checksum", "applied_at") VALUES (?, ?, ?)`);
      for (const migration of todo) {
        database.exec(migration.sql);
        record.run(migration.name, migration.checksum, new Date().toISOString());
      }
      return todo.map((migration) => migration.name);
    });
    return { applied: run.immediate() };
  } finally {
    database.close();
  }
}

// Any constant works; it only has to be the same for every Eventscope process.
const postgresMigrationLock = 720_431_902;

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [postgresMigrationLock]);
    await client.query(ledgerDdl);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_eventscope_migrations"`);
    const todo = pending(migrations, new Map(rows.map((row) => [row.name, row.checksum])));
    for (const migration of todo) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_eventscope_migrations" ("name", "checksum", "applied_at") VALUES ($1, $2, $3)`, [
          migration.name,
          migration.checksum,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    return { applied: todo.map((migration) => migration.name) };
  } finally {
    await client.end();
  }
}

export async function migrate(config: DatabaseConfig, root = process.cwd()): Promise<MigrationResult> {
  const migrations = readMigrations(config.provider, root);
  switch (config.provider) {
    case "sqlite":
      return migrateSqlite(config.filePath, migrations);
    case "postgresql":
      return migratePostgres(config.url, migrations);
    default: {
      const unreachable: never = config;
      throw new Error(`unknown database provider ${JSON.stringify(unreachable)}`);
    }
  }
}

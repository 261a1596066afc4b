/**
 * Keeps the two Prisma schemas and their migrations in step. The SQLite schema is canonical;
 * the PostgreSQL copy differs only in its provider and generated client path.
 *
 *   generate            write the PostgreSQL copy and generate both clients
 *   check               fail if the copy is stale, a schema change has no migration, or a schema is invalid
 *   migration <name>    write a migration for each provider from the change since the last one
 *
 * Migrations are diffed from a snapshot of the schema as of the last migration
 * (prisma/migrations/schema-snapshot.prisma), so writing one needs no database.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const sqliteSchema = path.join(root, "prisma/schema.prisma");
const postgresSchema = path.join(root, "prisma/postgresql/schema.prisma");
const snapshot = path.join(root, "prisma/migrations/schema-snapshot.prisma");
const migrationDirectories = { sqlite: "prisma/migrations", postgresql: "prisma/postgresql/migrations" } as const;

function postgresCopy(canonical: string): string {
  const copy = canonical
    .replace(/^\/\/ Canonical schema[\s\S]*?edit only this one\.\n/m, "// GENERATED from prisma/schema.prisma by `npm run prisma:generate`. Do not edit.\n")
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../lib/generated/prisma-sqlite"', 'output     = "../../lib/generated/prisma-postgresql"');
  if (copy === canonical) throw new Error("prisma/schema.prisma no longer has the expected header, provider or output lines");
  return copy;
}

function prisma(args: string[], databaseUrl: string, options: { capture?: boolean } = {}): string {
  const output = execFileSync(path.join(root, "node_modules/.bin/prisma"), args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: options.capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
  return output ?? "";
}

// The CLI opens its adapter even when it only reads schema files: point it somewhere harmless.
const placeholderUrl = { sqlite: `file:${path.join(os.tmpdir(), "eventscope-prisma-cli.db")}`, postgresql: "postgresql://postgres@127.0.0.1:5432/postgres" } as const;

function generate(): void {
  mkdirSync(path.dirname(postgresSchema), { recursive: true });
  writeFileSync(postgresSchema, postgresCopy(readFileSync(sqliteSchema, "utf8")));
  prisma(["generate", "--schema", sqliteSchema], placeholderUrl.sqlite);
  prisma(["generate", "--schema", postgresSchema], placeholderUrl.postgresql);
}

function check(): void {
  const canonical = readFileSync(sqliteSchema, "utf8");
  const problems: string[] = [];
  if (!existsSync(postgresSchema) || readFileSync(postgresSchema, "utf8") !== postgresCopy(canonical)) {
    problems.push("prisma/postgresql/schema.prisma is out of date: run `npm run prisma:generate` and commit it.");
  }
  if (!existsSync(snapshot) || readFileSync(snapshot, "utf8") !== canonical) {
    problems.push("prisma/schema.prisma changed since the last migration: run `npm run prisma:migration -- <name>`.");
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  prisma(["validate", "--schema", sqliteSchema], placeholderUrl.sqlite);
  prisma(["validate", "--schema", postgresSchema], placeholderUrl.postgresql);
}

function migration(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: use lower-case letters, digits and underscores");
  generate();
  const canonical = readFileSync(sqliteSchema, "utf8");
  const previous = existsSync(snapshot) ? readFileSync(snapshot, "utf8") : undefined;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const scratch = mkdtempSync(path.join(os.tmpdir(), "eventscope-migration-"));
  try {
    const schemas = {
      sqlite: { from: previous, to: sqliteSchema },
      postgresql: { from: previous && postgresCopy(previous), to: postgresSchema },
    };
    for (const [provider, { from, to }] of Object.entries(schemas) as [keyof typeof schemas, (typeof schemas)["sqlite"]][]) {
      let fromArgs = ["--from-empty"];
      if (from !== undefined) {
        const fromFile = path.join(scratch, `${provider}.prisma`);
        writeFileSync(fromFile, from);
        fromArgs = ["--from-schema-datamodel", fromFile];
      }
      const sql = prisma(["migrate", "diff", ...fromArgs, "--to-schema-datamodel", to, "--script"], placeholderUrl[provider], { capture: true });
      if (!/CREATE|ALTER|DROP/i.test(sql)) {
        console.log(`${provider}: no schema change`);
        continue;
      }
      const dir = path.join(root, migrationDirectories[provider], `${stamp}_${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "migration.sql"), sql);
      console.log(`${provider}: wrote ${path.relative(root, dir)}/migration.sql`);
    }
    writeFileSync(snapshot, canonical);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const [command, argument] = process.argv.slice(2);
switch (command) {
  case "generate":
    generate();
    break;
  case "check":
    check();
    break;
  case "migration":
    migration(argument ?? "");
    break;
  default:
    console.error("usage: tsx scripts/prisma-schemas.ts generate | check | migration <name>");
    process.exit(2);
}

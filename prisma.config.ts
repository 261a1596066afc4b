import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";
import { databaseConfig } from "./lib/env";

// Prisma cannot read the provider from the environment, so the schema (and its migrations)
// is chosen here from DATABASE_URL: the canonical SQLite one or its generated PostgreSQL copy.
const database = databaseConfig();

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: database.provider === "sqlite" ? "prisma/schema.prisma" : "prisma/postgresql/schema.prisma",
  adapter: async () =>
    database.provider === "sqlite"
      ? new PrismaBetterSQLite3({ url: database.url })
      : new PrismaPg({ connectionString: database.url }),
} satisfies PrismaConfig;

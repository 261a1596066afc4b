import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseConfig, type DatabaseConfig } from "./env";
import { PrismaClient as PostgresClient } from "./generated/prisma-postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/prisma-sqlite/client";

/**
 * The Prisma client for the domain model. Both generated clients come from one schema and
 * expose the same API, so the rest of the code is typed against the canonical (SQLite) one.
 */
export type Database = SqliteClient;

export function createDatabase(config: DatabaseConfig): Database {
  switch (config.provider) {
    case "sqlite":
      return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: config.url }) });
    case "postgresql":
      return new PostgresClient({ adapter: new PrismaPg({ connectionString: config.url }) }) as unknown as Database;
    default: {
      const unreachable: never = config;
      throw new Error(`unknown database provider ${JSON.stringify(unreachable)}`);
    }
  }
}

// Kept on globalThis so that development reloads reuse one connection pool.
const holder = globalThis as typeof globalThis & { eventscopeDatabase?: Database };

export function db(): Database {
  holder.eventscopeDatabase ??= createDatabase(databaseConfig());
  return holder.eventscopeDatabase;
}

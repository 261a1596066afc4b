import type { DatabaseConfig } from "../../env";
import { createPostgresSpanWriter } from "./postgres-span-writer";
import type { SpanWriter } from "./span-record";
import { createSqliteSpanWriter } from "./sqlite-span-writer";

export function createSpanWriter(config: DatabaseConfig): SpanWriter {
  switch (config.provider) {
    case "sqlite":
      return createSqliteSpanWriter(config.filePath);
    case "postgresql":
      return createPostgresSpanWriter(config.url);
    default: {
      const unreachable: never = config;
      throw new Error(`unknown database provider ${JSON.stringify(unreachable)}`);
    }
  }
}

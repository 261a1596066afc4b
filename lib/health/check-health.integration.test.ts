import { describe, expect, inject, it } from "vitest";
import { createDatabase } from "../db";
import { databaseConfig, parseEnv } from "../env";
import { checkHealth } from "./check-health";

describe("checkHealth", () => {
  it("reports the database up", async () => {
    const config = databaseConfig(parseEnv({ DATABASE_URL: inject("databaseUrl") }));
    const database = createDatabase(config);
    try {
      expect((await checkHealth(database, config.provider)).database.status).toBe("up");
    } finally {
      await database.$disconnect();
    }
  });

  it("reports a database that does not answer as down, without internal detail", async () => {
    const database = createDatabase({ provider: "postgresql", url: "postgresql://postgres@127.0.0.1:1/nothing" });
    try {
      const report = await checkHealth(database, "postgresql");
      expect(report.status).toBe("degraded");
      expect(report.database.status).toBe("down");
      expect(report.database.error).toMatch(/^database query failed \(/);
      expect(report.database.error).not.toContain("127.0.0.1");
    } finally {
      await database.$disconnect();
    }
  });
});

import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { maskPassword } from "../format/mask-password";
import { describeSettings } from "./describe-settings";

describe("describeSettings", () => {
  it("masks the password of a PostgreSQL URL", () => {
    expect(maskPassword("postgresql://app:s3cret@db:5432/eventscope")).toBe("postgresql://app:****@db:5432/eventscope");
    const summary = describeSettings(parseEnv({ DATABASE_URL: "postgresql://app:s3cret@db:5432/eventscope" }));
    expect(JSON.stringify(summary)).not.toContain("s3cret");
  });

  it("shows the absolute SQLite path and that export is off by default", () => {
    const summary = describeSettings(parseEnv({}));
    expect(summary.database.provider).toBe("sqlite");
    expect(summary.database.location).toMatch(/\/data\/eventscope\.db$/);
    expect(summary.telemetryExport).toBeNull();
  });
});

import { databaseConfig, env, type Env } from "../env";
import { maskPassword } from "../format/mask-password";

export interface SettingsSummary {
  database: { provider: "sqlite" | "postgresql"; location: string };
  port: number;
  telemetryExport: string | null;
}

/** The effective configuration, safe to show: passwords in URLs are masked. */
export function describeSettings(settings: Env = env()): SettingsSummary {
  const database = databaseConfig(settings);
  return {
    database: { provider: database.provider, location: database.provider === "sqlite" ? database.filePath : maskPassword(database.url) },
    port: settings.PORT,
    telemetryExport: settings.OTEL_EXPORTER_OTLP_ENDPOINT ?? null,
  };
}

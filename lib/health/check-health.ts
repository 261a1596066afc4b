import type { Database } from "../db";
import type { DatabaseConfig } from "../env";

export type HealthReport = {
  status: "ok" | "degraded";
  database: { provider: DatabaseConfig["provider"]; status: "up" | "down"; latencyMs: number; error?: string };
};

/** Reports whether the database answers; the error text names only the failure's kind. */
export async function checkHealth(database: Database, provider: DatabaseConfig["provider"]): Promise<HealthReport> {
  const started = performance.now();
  try {
    await database.$queryRaw`SELECT 1`;
    return { status: "ok", database: { provider, status: "up", latencyMs: elapsed(started) } };
  } catch (error) {
    const kind = error instanceof Error && "code" in error ? String(error.code) : "unreachable";
    return { status: "degraded", database: { provider, status: "down", latencyMs: elapsed(started), error: `database query failed (${kind})` } };
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

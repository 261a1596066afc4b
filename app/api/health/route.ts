import { db } from "@/lib/db";
import { databaseConfig } from "@/lib/env";
import { checkHealth } from "@/lib/health/check-health";
import { route } from "@/lib/http/route";

export const GET = route({ name: "GET /api/health" }, async () => {
  const report = await checkHealth(db(), databaseConfig().provider);
  return Response.json(report, { status: report.status === "ok" ? 200 : 503 });
});

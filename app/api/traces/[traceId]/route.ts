import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getTraceDetail } from "@/lib/traces/query/get-trace-detail";

export const GET = route({ name: "GET /api/traces/:traceId", params: z.object({ traceId: z.string() }) }, ({ params }) => getTraceDetail(db(), params.traceId));

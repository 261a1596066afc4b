import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { searchTraces } from "@/lib/traces/query/search-traces";
import { traceSearchQuerySchema } from "@/lib/traces/query/trace-search-params";

export const GET = route({ name: "GET /api/traces", query: traceSearchQuerySchema }, ({ query }) => searchTraces(db(), query));

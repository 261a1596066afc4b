import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getLagOverview } from "@/lib/lag/get-lag-overview";
import { lagQuerySchema } from "@/lib/lag/lag-window";

export const GET = route({ name: "GET /api/lag", query: lagQuerySchema }, ({ query }) => getLagOverview(db(), query.window));

import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getOverviewCounts } from "@/lib/overview/get-overview-counts";

export const GET = route({ name: "GET /api/overview" }, () => getOverviewCounts(db()));

import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getEventTypeUsage } from "@/lib/registry/get-event-type-usage";

export const GET = route({ name: "GET /api/event-types/:name/usage", params: z.object({ name: z.string() }) }, ({ params }) => getEventTypeUsage(db(), params.name));

import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getServiceUsage } from "@/lib/registry/get-service-usage";

export const GET = route({ name: "GET /api/services/:name/usage", params: z.object({ name: z.string() }) }, ({ params }) => getServiceUsage(db(), params.name));

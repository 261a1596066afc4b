import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getService } from "@/lib/registry/services";

export const GET = route({ name: "GET /api/services/:name", params: z.object({ name: z.string() }) }, ({ params }) => getService(db(), params.name));

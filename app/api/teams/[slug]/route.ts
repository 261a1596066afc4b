import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getTeam } from "@/lib/registry/teams";

export const GET = route({ name: "GET /api/teams/:slug", params: z.object({ slug: z.string() }) }, ({ params }) => getTeam(db(), params.slug));

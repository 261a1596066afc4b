import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { diffEventVersions } from "@/lib/registry/diff-event-versions";

const query = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

export const GET = route({ name: "GET /api/event-types/:name/diff", params: z.object({ name: z.string() }), query }, ({ params, query }) =>
  diffEventVersions(db(), params.name, query.from, query.to),
);

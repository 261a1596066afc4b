import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { lagQuerySchema } from "@/lib/lag/lag-window";
import { getEventFlow } from "@/lib/traces/query/get-event-flow";

/** `?window=` minutes, the same choices as the lag view's. */
export const GET = route({ name: "GET /api/event-types/:name/flow", params: z.object({ name: z.string() }), query: lagQuerySchema }, ({ params, query }) =>
  getEventFlow(db(), params.name, query.window),
);

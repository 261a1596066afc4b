import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getEventType } from "@/lib/registry/get-event-type";
import { eventTypePatchSchema, updateEventType } from "@/lib/registry/save-event-type";

const params = z.object({ name: z.string() });

export const GET = route({ name: "GET /api/event-types/:name", params }, ({ params }) => getEventType(db(), params.name));

export const PATCH = route({ name: "PATCH /api/event-types/:name", params, body: eventTypePatchSchema }, async ({ params, body }) => {
  await updateEventType(db(), params.name, body);
  return getEventType(db(), params.name);
});

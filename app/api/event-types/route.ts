import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { eventTypeListQuerySchema, listEventTypes } from "@/lib/registry/list-event-types";
import { eventTypeDefinitionSchema, saveEventType } from "@/lib/registry/save-event-type";
import { getEventType } from "@/lib/registry/get-event-type";

export const GET = route({ name: "GET /api/event-types", query: eventTypeListQuerySchema }, ({ query }) => listEventTypes(db(), query));

export const POST = route({ name: "POST /api/event-types", body: eventTypeDefinitionSchema }, async ({ body }) => {
  await saveEventType(db(), body, { ifExists: "fail" });
  return Response.json(await getEventType(db(), body.name), { status: 201 });
});

import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { checkEventVersion } from "@/lib/registry/check-event-version";
import { schemaFormatSchema } from "@/lib/registry/register-event-version";

const body = z.object({
  format: schemaFormatSchema.default("JSON_SCHEMA"),
  schema: z.string().min(1, "the schema is empty"),
  examplePayload: z.string().optional(),
  againstVersion: z.number().int().min(1).optional(),
});

export const POST = route({ name: "POST /api/event-types/:name/compatibility", params: z.object({ name: z.string() }), body }, ({ params, body }) =>
  checkEventVersion(db(), params.name, body),
);

import { z } from "zod";
import { ccompatRoute } from "@/lib/ccompat/ccompat-route";
import { getSchemaById } from "@/lib/ccompat/get-schema-by-id";
import { db } from "@/lib/db";

export const GET = ccompatRoute({ name: "GET /api/ccompat/schemas/ids/:id", params: z.object({ id: z.string() }) }, ({ params }) => getSchemaById(db(), params.id));

import { z } from "zod";
import { ccompatRoute, queryFlag } from "@/lib/ccompat/ccompat-route";
import { listSchemaSubjects } from "@/lib/ccompat/get-schema-by-id";
import { db } from "@/lib/db";

export const GET = ccompatRoute(
  { name: "GET /api/ccompat/schemas/ids/:id/subjects", params: z.object({ id: z.string() }), query: z.object({ deleted: queryFlag }) },
  ({ params, query }) => listSchemaSubjects(db(), params.id, { includeDeleted: query.deleted }),
);

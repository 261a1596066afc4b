import { z } from "zod";
import { ccompatRoute, queryFlag } from "@/lib/ccompat/ccompat-route";
import { listSchemaVersions } from "@/lib/ccompat/get-schema-by-id";
import { db } from "@/lib/db";

export const GET = ccompatRoute(
  { name: "GET /api/ccompat/schemas/ids/:id/versions", params: z.object({ id: z.string() }), query: z.object({ deleted: queryFlag }) },
  ({ params, query }) => listSchemaVersions(db(), params.id, { includeDeleted: query.deleted }),
);

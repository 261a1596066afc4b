import { z } from "zod";
import { ccompatRoute, queryFlag } from "@/lib/ccompat/ccompat-route";
import { getSubjectVersionSchema } from "@/lib/ccompat/get-subject-version";
import { db } from "@/lib/db";

const params = z.object({ subject: z.string(), version: z.string() });

export const GET = ccompatRoute(
  { name: "GET /api/ccompat/subjects/:subject/versions/:version/schema", params, query: z.object({ deleted: queryFlag }) },
  ({ params, query }) => getSubjectVersionSchema(db(), params.subject, params.version, { includeDeleted: query.deleted }),
);

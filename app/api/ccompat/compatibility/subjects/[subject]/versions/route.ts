import { z } from "zod";
import { checkSubjectCompatibility } from "@/lib/ccompat/check-subject-compatibility";
import { ccompatRoute, queryFlag } from "@/lib/ccompat/ccompat-route";
import { invalidSchemaRequest, schemaRequestSchema } from "@/lib/ccompat/schema-request";
import { db } from "@/lib/db";

export const POST = ccompatRoute(
  {
    name: "POST /api/ccompat/compatibility/subjects/:subject/versions",
    params: z.object({ subject: z.string() }),
    query: z.object({ verbose: queryFlag }),
    body: schemaRequestSchema,
    invalidBody: invalidSchemaRequest,
  },
  ({ params, query, body }) => checkSubjectCompatibility(db(), params.subject, body, { verbose: query.verbose }),
);

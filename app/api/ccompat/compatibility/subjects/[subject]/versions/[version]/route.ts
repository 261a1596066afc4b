import { z } from "zod";
import { checkSubjectVersionCompatibility } from "@/lib/ccompat/check-subject-compatibility";
import { ccompatRoute, queryFlag } from "@/lib/ccompat/ccompat-route";
import { invalidSchemaRequest, schemaRequestSchema } from "@/lib/ccompat/schema-request";
import { db } from "@/lib/db";

export const POST = ccompatRoute(
  {
    name: "POST /api/ccompat/compatibility/subjects/:subject/versions/:version",
    params: z.object({ subject: z.string(), version: z.string() }),
    query: z.object({ verbose: queryFlag }),
    body: schemaRequestSchema,
    invalidBody: invalidSchemaRequest,
  },
  ({ params, query, body }) => checkSubjectVersionCompatibility(db(), params.subject, params.version, body, { verbose: query.verbose }),
);

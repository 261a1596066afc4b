import { z } from "zod";
import { ccompatRoute, queryFlag } from "@/lib/ccompat/ccompat-route";
import { listSubjectVersions } from "@/lib/ccompat/list-subjects";
import { registerSubjectSchema } from "@/lib/ccompat/register-subject-schema";
import { invalidSchemaRequest, schemaRequestSchema } from "@/lib/ccompat/schema-request";
import { db } from "@/lib/db";

const params = z.object({ subject: z.string() });

export const GET = ccompatRoute({ name: "GET /api/ccompat/subjects/:subject/versions", params, query: z.object({ deleted: queryFlag }) }, ({ params, query }) =>
  listSubjectVersions(db(), params.subject, { includeDeleted: query.deleted }),
);

export const POST = ccompatRoute(
  { name: "POST /api/ccompat/subjects/:subject/versions", params, body: schemaRequestSchema, invalidBody: invalidSchemaRequest },
  ({ params, body }) => registerSubjectSchema(db(), params.subject, body),
);

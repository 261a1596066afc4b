import { z } from "zod";
import { ccompatRoute, queryFlag } from "@/lib/ccompat/ccompat-route";
import { deleteSubject } from "@/lib/ccompat/delete-subject";
import { lookupSubjectSchema } from "@/lib/ccompat/get-subject-version";
import { invalidSchemaRequest, schemaRequestSchema } from "@/lib/ccompat/schema-request";
import { db } from "@/lib/db";

const params = z.object({ subject: z.string() });

export const POST = ccompatRoute(
  { name: "POST /api/ccompat/subjects/:subject", params, query: z.object({ deleted: queryFlag }), body: schemaRequestSchema, invalidBody: invalidSchemaRequest },
  ({ params, query, body }) => lookupSubjectSchema(db(), params.subject, body, { includeDeleted: query.deleted }),
);

export const DELETE = ccompatRoute({ name: "DELETE /api/ccompat/subjects/:subject", params, query: z.object({ permanent: queryFlag }) }, ({ params, query }) =>
  deleteSubject(db(), params.subject, { permanent: query.permanent }),
);

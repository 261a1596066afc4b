import { z } from "zod";
import { ccompatErrors } from "@/lib/ccompat/ccompat-errors";
import { ccompatRoute, queryFlag } from "@/lib/ccompat/ccompat-route";
import { configUpdateSchema, deleteSubjectConfig, getSubjectConfig, updateSubjectConfig } from "@/lib/ccompat/subject-config";
import { db } from "@/lib/db";

const params = z.object({ subject: z.string() });

export const GET = ccompatRoute({ name: "GET /api/ccompat/config/:subject", params, query: z.object({ defaultToGlobal: queryFlag }) }, ({ params, query }) =>
  getSubjectConfig(db(), params.subject, { defaultToGlobal: query.defaultToGlobal }),
);

export const PUT = ccompatRoute(
  { name: "PUT /api/ccompat/config/:subject", params, body: configUpdateSchema, invalidBody: ccompatErrors.invalidCompatibilityLevel },
  ({ params, body }) => updateSubjectConfig(db(), params.subject, body),
);

export const DELETE = ccompatRoute({ name: "DELETE /api/ccompat/config/:subject", params }, ({ params }) => deleteSubjectConfig(db(), params.subject));

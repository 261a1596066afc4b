import { z } from "zod";
import { ccompatRoute, queryFlag } from "@/lib/ccompat/ccompat-route";
import { deleteSubjectVersion } from "@/lib/ccompat/delete-subject";
import { getSubjectVersion } from "@/lib/ccompat/get-subject-version";
import { db } from "@/lib/db";

const params = z.object({ subject: z.string(), version: z.string() });

export const GET = ccompatRoute({ name: "GET /api/ccompat/subjects/:subject/versions/:version", params, query: z.object({ deleted: queryFlag }) }, ({ params, query }) =>
  getSubjectVersion(db(), params.subject, params.version, { includeDeleted: query.deleted }),
);

export const DELETE = ccompatRoute(
  { name: "DELETE /api/ccompat/subjects/:subject/versions/:version", params, query: z.object({ permanent: queryFlag }) },
  ({ params, query }) => deleteSubjectVersion(db(), params.subject, params.version, { permanent: query.permanent }),
);

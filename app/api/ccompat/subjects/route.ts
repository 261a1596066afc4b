import { z } from "zod";
import { ccompatRoute, queryFlag } from "@/lib/ccompat/ccompat-route";
import { listSubjects } from "@/lib/ccompat/list-subjects";
import { db } from "@/lib/db";

const query = z.object({ deleted: queryFlag, subjectPrefix: z.string().optional() });

export const GET = ccompatRoute({ name: "GET /api/ccompat/subjects", query }, ({ query }) =>
  listSubjects(db(), { includeDeleted: query.deleted, subjectPrefix: query.subjectPrefix }),
);

import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { changeVersionState } from "@/lib/registry/change-version-state";

const params = z.object({ name: z.string(), version: z.coerce.number().int().min(1) });
const body = z.object({ state: z.enum(["DRAFT", "ACTIVE", "DEPRECATED", "RETIRED"]), changedBy: z.string().trim().min(1).max(200).default("anonymous") });

export const PATCH = route({ name: "PATCH /api/event-types/:name/versions/:version", params, body }, ({ params, body }) =>
  changeVersionState(db(), params.name, params.version, body),
);

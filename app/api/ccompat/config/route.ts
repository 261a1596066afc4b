import { ccompatRoute } from "@/lib/ccompat/ccompat-route";
import { ccompatErrors } from "@/lib/ccompat/ccompat-errors";
import { configUpdateSchema, deleteGlobalConfig, getGlobalConfig, updateGlobalConfig } from "@/lib/ccompat/subject-config";
import { db } from "@/lib/db";

export const GET = ccompatRoute({ name: "GET /api/ccompat/config" }, () => getGlobalConfig(db()));

export const PUT = ccompatRoute({ name: "PUT /api/ccompat/config", body: configUpdateSchema, invalidBody: ccompatErrors.invalidCompatibilityLevel }, ({ body }) =>
  updateGlobalConfig(db(), body),
);

export const DELETE = ccompatRoute({ name: "DELETE /api/ccompat/config" }, () => deleteGlobalConfig(db()));

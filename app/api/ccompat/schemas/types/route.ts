import { ccompatRoute } from "@/lib/ccompat/ccompat-route";
import { ccompatSchemaTypes } from "@/lib/ccompat/schema-request";

export const GET = ccompatRoute({ name: "GET /api/ccompat/schemas/types" }, async () => ccompatSchemaTypes);

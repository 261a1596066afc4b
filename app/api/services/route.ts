import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { listServices } from "@/lib/registry/services";

export const GET = route({ name: "GET /api/services" }, () => listServices(db()));

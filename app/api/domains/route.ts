import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { domainInputSchema, listDomains, saveDomain } from "@/lib/registry/domains";

export const GET = route({ name: "GET /api/domains" }, () => listDomains(db()));

export const PUT = route({ name: "PUT /api/domains", body: domainInputSchema }, async ({ body }) => {
  await saveDomain(db(), body);
  return listDomains(db());
});

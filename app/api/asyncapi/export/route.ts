import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { exportAsyncApiDocument } from "@/lib/registry/export-asyncapi-document";

export const GET = route({ name: "GET /api/asyncapi/export", query: z.object({ domain: z.string().trim().min(1).optional() }) }, async ({ query }) => {
  const { fileName, yaml } = await exportAsyncApiDocument(db(), query.domain);
  return new Response(yaml, {
    headers: { "content-type": "application/yaml; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
  });
});

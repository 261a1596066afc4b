import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { asyncApiUploadSchema, importAsyncApi } from "@/lib/registry/import-asyncapi";

export const POST = route({ name: "POST /api/asyncapi/import", body: asyncApiUploadSchema }, async ({ body }) => {
  const result = await importAsyncApi(db(), body);
  if (result.ok) return result.summary;
  return Response.json(
    { error: { code: "UNPROCESSABLE", message: `The AsyncAPI document is not valid; nothing was imported (${result.errors.length} error(s)).` }, errors: result.errors },
    { status: 422 },
  );
});

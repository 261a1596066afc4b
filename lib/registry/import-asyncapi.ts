import { z } from "zod";
import type { Database } from "../db";
import { parseAsyncApi } from "./asyncapi/parse-asyncapi";
import { importCatalogDocument, type ImportSummary } from "./import-catalog-document";

const maxUploadBytes = 10 * 1024 * 1024;

export const asyncApiUploadSchema = z
  .object({
    files: z.array(z.object({ path: z.string().trim().min(1).max(500), content: z.string() })).min(1, "upload at least one file").max(200),
    entry: z.string().trim().min(1),
    importedBy: z.string().trim().min(1).max(200).default("asyncapi import"),
  })
  .refine((upload) => upload.files.some((file) => file.path === upload.entry), { message: "entry must name one of the uploaded files", path: ["entry"] })
  .refine((upload) => upload.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0) <= maxUploadBytes, {
    message: `the files together must stay under ${maxUploadBytes / 1024 / 1024} MiB`,
    path: ["files"],
  });

export type ImportAsyncApiResult = { ok: true; summary: ImportSummary } | { ok: false; errors: string[] };

/** Parses an AsyncAPI 2.6 / 3.x upload and, only if it is valid, applies it to the catalog. */
export async function importAsyncApi(database: Database, upload: z.infer<typeof asyncApiUploadSchema>): Promise<ImportAsyncApiResult> {
  const parsed = await parseAsyncApi({ files: upload.files, entry: upload.entry });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const summary = await importCatalogDocument(database, parsed.document, upload.importedBy);
  summary.warnings.unshift(...parsed.warnings);
  return { ok: true, summary };
}

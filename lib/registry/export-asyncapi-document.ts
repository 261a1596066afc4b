import type { Database } from "../db";
import { exportAsyncApi } from "./asyncapi/export-asyncapi";
import { exportCatalogDocument } from "./export-catalog-document";

/** The catalog (or one domain) as an AsyncAPI 3.0 YAML document. */
export async function exportAsyncApiDocument(database: Database, domainSlug?: string): Promise<{ fileName: string; yaml: string }> {
  const document = await exportCatalogDocument(database, domainSlug);
  const yaml = exportAsyncApi(document, { title: document.title, version: new Date().toISOString().slice(0, 10), description: "Exported from Eventscope." });
  return { fileName: `eventscope-${domainSlug ?? "catalog"}.asyncapi.yaml`, yaml };
}

import type { ImportSummary } from "../registry/import-catalog-document";

export const asyncApiKeys = {
  all: ["asyncapi"] as const,
  import: () => [...asyncApiKeys.all, "import"] as const,
};

/** Where the AsyncAPI 3.0 export of the whole catalog, or of one domain, downloads from. */
export function asyncApiExportHref(domain?: string | null): string {
  return domain ? `/api/asyncapi/export?domain=${encodeURIComponent(domain)}` : "/api/asyncapi/export";
}

export type AsyncApiImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; message: string; errors: string[] };

/** POST /api/asyncapi/import; a document the parser rejects (422, or 400 for a bad upload) is a value, not a throw. */
export async function importAsyncApi(upload: { files: { path: string; content: string }[]; entry: string }): Promise<AsyncApiImportOutcome> {
  const response = await fetch("/api/asyncapi/import", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(upload),
  });
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: string }; errors?: string[] } | undefined;
  if (response.ok) return { ok: true, summary: body as unknown as ImportSummary };
  const message = body?.error?.message ?? `The server answered ${response.status}.`;
  if (response.status === 400 || response.status === 413 || response.status === 422) return { ok: false, message, errors: body?.errors ?? [] };
  throw new Error(message);
}

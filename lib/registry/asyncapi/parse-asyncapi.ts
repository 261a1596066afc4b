import { DiagnosticSeverity, Parser, type Diagnostic } from "@asyncapi/parser";
import type { CatalogDocument } from "../catalog-document";
import { mapAsyncApiDocument } from "./map-document";
import { createUploadResolver, normalizeUploadPath, stripVirtualRoot } from "./upload-resolver";

/** The files of an AsyncAPI upload; `entry` names the main document among them. */
export interface AsyncApiUpload {
  /** Every file of the upload, with paths relative to the upload root (e.g. `common/messages.yaml`). */
  files: { path: string; content: string }[];
  entry: string;
}

/** A mapped document with the parser's warnings, or the parser's errors. */
export type ParseAsyncApiResult = { ok: true; document: CatalogDocument; warnings: string[] } | { ok: false; errors: string[] };

/**
 * Validates an AsyncAPI 2.6 or 3.x document (YAML or JSON, possibly split over several files) with
 * `@asyncapi/parser` and maps it to the catalog shape. `$ref`s resolve against the uploaded files
 * only: nothing is read from disk or fetched, and external references are errors.
 */
export async function parseAsyncApi(input: AsyncApiUpload): Promise<ParseAsyncApiResult> {
  const files = new Map(input.files.map((file) => [normalizeUploadPath(file.path), file.content] as const));
  const entry = normalizeUploadPath(input.entry);
  const content = files.get(entry);
  if (content === undefined) return { ok: false, errors: [`Entry file ${entry} is not part of the upload`] };

  const resolver = createUploadResolver(files, entry);
  // One parser per call: the resolver serves this upload's files and records its own problems.
  const parser = new Parser({ __unstable: { resolver: resolver.options } });
  const { document, diagnostics } = await parser.parse(content, { source: resolver.source });

  const errors = unique([
    ...resolver.problems,
    ...diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => formatDiagnostic(d, resolver.source)),
  ]);
  if (errors.length > 0) return { ok: false, errors };
  if (document === undefined) return { ok: false, errors: ["The document could not be parsed"] };

  const warnings = diagnostics
    .filter((d) => d.severity === DiagnosticSeverity.Warning)
    .map((d) => formatDiagnostic(d, resolver.source));
  const mapped = mapAsyncApiDocument(document);
  return { ok: true, document: mapped.document, warnings: unique([...warnings, ...mapped.warnings]) };
}

/**
 * `file#/json/pointer: message`, the file only when it is not the entry; YAML syntax errors
 * have no path, so they get their line instead.
 */
function formatDiagnostic(diagnostic: Diagnostic, entrySource: string): string {
  const message = stripVirtualRoot(diagnostic.message);
  const file = diagnostic.source && diagnostic.source !== entrySource ? stripVirtualRoot(diagnostic.source) : "";
  if (diagnostic.path.length > 0) {
    const pointer = diagnostic.path.map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
    return `${file}#${pointer}: ${message}`;
  }
  if (diagnostic.code === "parser") return `${file ? `${file} ` : ""}line ${diagnostic.range.start.line + 1}: ${message}`;
  return file ? `${file}: ${message}` : message;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

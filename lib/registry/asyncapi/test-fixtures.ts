import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { DiagnosticSeverity, Parser } from "@asyncapi/parser";
import type { AsyncApiUpload } from "./parse-asyncapi";

/** The shared AsyncAPI fixtures, cloned beside the repository. */
export const fixturesDir = path.resolve(import.meta.dirname, "../../../../shared/fixtures/asyncapi");

/** File names of the single-file AsyncAPI 3.x fixtures. */
export const v3FixtureNames = readdirSync(fixturesDir).filter((name) => name.endsWith("-asyncapi.yml")).sort();

/** File names (under `v2.6/`) of the AsyncAPI 2.6 fixtures. */
export const v2FixtureNames = readdirSync(path.join(fixturesDir, "v2.6")).filter((name) => name.endsWith(".yml")).sort();

/** An upload of one fixture file, `relativePath` relative to the fixtures directory. */
export function singleFileUpload(relativePath: string): AsyncApiUpload {
  return { files: [{ path: relativePath, content: readFileSync(path.join(fixturesDir, relativePath), "utf8") }], entry: relativePath };
}

/** The whole multi-file `social-media/` example, with `entry` as the main document. */
export function socialMediaUpload(entry: string): AsyncApiUpload {
  const root = path.join(fixturesDir, "social-media");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => ({ path: name.split(path.sep).join("/"), content: readFileSync(path.join(root, name), "utf8") }));
  return { files, entry };
}

/** An upload of one in-memory document. */
export function inlineUpload(content: string, entry = "asyncapi.yaml"): AsyncApiUpload {
  return { files: [{ path: entry, content }], entry };
}

/** Error diagnostics of `@asyncapi/parser` for a single self-contained document. */
export async function parserErrors(content: string): Promise<string[]> {
  const diagnostics = await new Parser().validate(content);
  return diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${d.path.join("/")}: ${d.message}`);
}

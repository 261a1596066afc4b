import { posix } from "node:path";
import type { Parser } from "@asyncapi/parser";

// The parser's index does not export its option types.
type ParserOptions = NonNullable<ConstructorParameters<typeof Parser>[0]>;
type ResolverOptions = NonNullable<NonNullable<ParserOptions["__unstable"]>["resolver"]>;
type Resolver = NonNullable<ResolverOptions["resolvers"]>[number];
type ResolverUri = Parameters<Resolver["read"]>[0];

/** Where the uploaded files appear to live for the parser; never touched on disk. */
export const virtualRoot = "/__eventscope_upload__";

/** The files of one upload, served to the parser's `$ref` resolver from memory. */
export interface UploadResolver {
  options: ResolverOptions;
  /** Absolute (virtual) path of the entry document, the parser's `source`. */
  source: string;
  /** Refs that could not be served: missing files and external (e.g. http) references. */
  problems: string[];
}

/** Normalizes an upload path to `dir/file.yaml` form (forward slashes, no leading `./` or `/`). */
export function normalizeUploadPath(filePath: string): string {
  return posix.normalize(filePath.replaceAll("\\", "/")).replace(/^(\.\/)+/, "").replace(/^\/+/, "");
}

/**
 * Builds resolvers that answer every `file`, `http` and `https` reference from `files` alone.
 *
 * The parser always keeps its own file-system and HTTP readers behind custom ones and falls
 * through to them whenever a custom reader throws or returns nothing, so these readers never do:
 * an unknown or external reference is recorded in `problems` and answered with an empty document.
 */
export function createUploadResolver(files: ReadonlyMap<string, string>, entry: string): UploadResolver {
  const problems: string[] = [];
  const readUpload = (uri: ResolverUri): string => {
    const scheme = uri.scheme();
    if (scheme !== "" && scheme !== "file") {
      problems.push(`External reference not allowed (only files of the upload can be referenced): ${uri.toString()}`);
      return "{}";
    }
    const absolute = posix.normalize(safeDecode(uri.path()));
    const relative = absolute.startsWith(`${virtualRoot}/`) ? absolute.slice(virtualRoot.length + 1) : null;
    const content = relative === null ? undefined : files.get(relative);
    if (content === undefined) {
      problems.push(`Cannot resolve reference: ${relative ?? absolute} is not part of the upload`);
      return "{}";
    }
    return content;
  };
  const resolvers: Resolver[] = ["file", "http", "https"].map((schema) => ({ schema, order: 1, canRead: true, read: readUpload }));
  return {
    options: { cache: false, resolvers },
    source: `${virtualRoot}/${normalizeUploadPath(entry)}`,
    problems,
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Removes the virtual root from a parser message or source so users see their own paths. */
export function stripVirtualRoot(text: string): string {
  return text.replaceAll(`${virtualRoot}/`, "");
}

/** Files chosen on the AsyncAPI import page, each under the path it has inside the chosen folder. */
export interface UploadFile {
  path: string;
  content: string;
}

/** A file's path relative to the chosen folder (or just its name), with forward slashes and no leading "./". */
export function uploadPath(file: { name: string; webkitRelativePath?: string }): string {
  const relative = file.webkitRelativePath?.trim() ? file.webkitRelativePath : file.name;
  return relative.replaceAll("\\", "/").replace(/^(\.\/)+/, "");
}

/** Adds files to a selection; a file at a path already chosen replaces the earlier one. Sorted by path. */
export function mergeUploads(current: UploadFile[], added: UploadFile[]): UploadFile[] {
  const byPath = new Map(current.map((file) => [file.path, file]));
  for (const file of added) byPath.set(file.path, file);
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The most likely entry file of a multi-file document: one that declares `asyncapi:` at its top
 * level (YAML) or as a key (JSON), preferring shallow paths; otherwise the first file.
 */
export function guessEntry(files: UploadFile[]): string | null {
  const declares = (file: UploadFile) => /^asyncapi\s*:/m.test(file.content) || /^\s*\{\s*"asyncapi"\s*:/.test(file.content);
  const depth = (file: UploadFile) => file.path.split("/").length;
  const candidates = files.filter(declares).sort((a, b) => depth(a) - depth(b) || a.path.localeCompare(b.path));
  return candidates[0]?.path ?? files[0]?.path ?? null;
}

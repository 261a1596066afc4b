/** JSON pointer fragment for unescaped segments, e.g. ["properties", "a/b"] → "#/properties/a~1b"; [] → "#". */
export function toPointer(segments: readonly string[]): string {
  if (segments.length === 0) return "#";
  return `#/${segments.map((segment) => segment.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}

/**
 * The event type page's URL state: `?version=` picks the schema shown, `?from=&to=` the two
 * versions compared. Values that name no live version fall back to sensible defaults: the
 * latest version, and the latest against the one before it.
 */
export interface VersionSelection {
  selected: number | null;
  from: number | null;
  to: number | null;
}

type RawSearchParams = Record<string, string | string[] | undefined>;

function readVersion(value: string | string[] | undefined, live: number[]): number | null {
  const single = Array.isArray(value) ? value[0] : value;
  if (single === undefined) return null;
  const number = Number(single.trim().replace(/^v/i, ""));
  return Number.isInteger(number) && live.includes(number) ? number : null;
}

/** `live` holds the live version numbers in any order. */
export function readVersionSelection(searchParams: RawSearchParams, live: number[]): VersionSelection {
  const newestFirst = [...live].sort((a, b) => b - a);
  const latest = newestFirst[0] ?? null;
  const previous = newestFirst[1] ?? null;
  const selected = readVersion(searchParams.version, live) ?? latest;
  if (previous === null) return { selected, from: null, to: null };
  let from = readVersion(searchParams.from, live);
  let to = readVersion(searchParams.to, live);
  if (from === null && to === null) [from, to] = [previous, latest];
  else if (from === null) from = newestFirst.find((version) => version < (to ?? 0)) ?? newestFirst.find((version) => version !== to) ?? null;
  else if (to === null) to = newestFirst.find((version) => version !== from) ?? null;
  return { selected, from, to };
}

/** The event type page's href with some of its state changed; other state is kept. */
export function versionHref(name: string, current: VersionSelection, change: Partial<VersionSelection>, hash?: string): string {
  const next = { ...current, ...change };
  const query = new URLSearchParams();
  if (next.selected !== null) query.set("version", String(next.selected));
  if (next.from !== null) query.set("from", String(next.from));
  if (next.to !== null) query.set("to", String(next.to));
  const text = query.toString();
  return `/catalog/${encodeURIComponent(name)}${text ? `?${text}` : ""}${hash ? `#${hash}` : ""}`;
}

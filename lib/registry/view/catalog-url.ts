/**
 * The catalog view's state lives in its URL (`/catalog?q=&domain=&team=&broker=&state=&page=`).
 * These helpers read it and build links that change one part of it, so every facet, chip and
 * page link is a plain link that works without JavaScript.
 */

export const catalogFilterNames = ["domain", "team", "broker", "state"] as const;
export type CatalogFilterName = (typeof catalogFilterNames)[number];

export interface CatalogParams {
  q: string;
  domain?: string;
  team?: string;
  broker?: string;
  state?: string;
  page: number;
}

type RawSearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  const trimmed = single?.trim();
  return trimmed ? trimmed : undefined;
}

/** Reads the catalog's URL state; unknown or malformed values are dropped rather than failing the page. */
export function readCatalogParams(searchParams: RawSearchParams): CatalogParams {
  const page = Number(first(searchParams.page) ?? "1");
  const state = first(searchParams.state)?.toUpperCase();
  return {
    q: (first(searchParams.q) ?? "").slice(0, 200),
    domain: first(searchParams.domain),
    team: first(searchParams.team),
    broker: first(searchParams.broker),
    state: state && ["DRAFT", "ACTIVE", "DEPRECATED", "RETIRED"].includes(state) ? state : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** A catalog link with some parts of the state changed; a change of search or filter goes back to page 1. */
export function catalogHref(params: CatalogParams, change: Partial<Record<keyof CatalogParams, string | number | null>> = {}): string {
  const next: Record<string, string | number | undefined> = { ...params };
  for (const [key, value] of Object.entries(change)) next[key] = value ?? undefined;
  if (!("page" in change)) next.page = 1;
  const query = new URLSearchParams();
  for (const key of ["q", ...catalogFilterNames, "page"] as const) {
    const value = next[key];
    if (value === undefined || value === "" || (key === "page" && Number(value) === 1)) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `/catalog?${text}` : "/catalog";
}

export interface PageWindow {
  pages: number;
  /** Page numbers to link, with null where a gap is elided. */
  items: (number | null)[];
}

/** Which page links to show: first, last, and a couple around the current one. */
export function pageWindow(total: number, pageSize: number, current: number, around = 2): PageWindow {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const wanted = new Set([1, pages]);
  for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= pages) wanted.add(page);
  const sorted = [...wanted].sort((a, b) => a - b);
  const items: (number | null)[] = [];
  sorted.forEach((page, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && page - previous > 1) items.push(null);
    items.push(page);
  });
  return { pages, items };
}

import { z } from "zod";
import type { Database } from "../db";

export const eventTypeListQuerySchema = z.object({
  q: z.string().trim().max(200).default(""),
  domain: z.string().trim().optional(),
  team: z.string().trim().optional(),
  broker: z.string().trim().optional(),
  state: z.enum(["DRAFT", "ACTIVE", "DEPRECATED", "RETIRED"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type EventTypeListQuery = z.infer<typeof eventTypeListQuerySchema>;

export interface EventTypeSummary {
  name: string;
  description: string;
  domain: string | null;
  domainSlug: string | null;
  ownerTeam: string | null;
  ownerTeamSlug: string | null;
  tags: string[];
  brokers: string[];
  latestVersion: number | null;
  latestState: string | null;
  producers: string[];
  consumers: string[];
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface EventTypeList {
  total: number;
  page: number;
  pageSize: number;
  items: EventTypeSummary[];
  /** Counts over the search result, each ignoring its own facet's filter (so other values stay choosable). */
  facets: { domain: FacetValue[]; team: FacetValue[]; broker: FacetValue[]; state: FacetValue[] };
}

interface FacetRow {
  id: string;
  domain: { slug: string; name: string } | null;
  ownerTeam: { slug: string; name: string } | null;
  brokers: string[];
  state: string | null;
}

/**
 * Searches the catalog: every word of `q` must occur in an event type's name, description,
 * tags or schema field names; facets narrow by domain, owner team, broker and the latest
 * version's lifecycle state. Paginated, so it stays fast with thousands of event types.
 */
export async function listEventTypes(database: Database, query: EventTypeListQuery): Promise<EventTypeList> {
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = await database.eventType.findMany({
    where: { deletedAt: null, AND: words.map((word) => ({ searchText: { contains: word } })) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      domain: { select: { slug: true, name: true } },
      ownerTeam: { select: { slug: true, name: true } },
      bindings: { select: { broker: true } },
      versions: { where: { deletedAt: null }, orderBy: { version: "desc" }, take: 1, select: { state: true } },
    },
  });
  const facetRows: FacetRow[] = rows.map((row) => ({
    id: row.id,
    domain: row.domain,
    ownerTeam: row.ownerTeam,
    brokers: [...new Set(row.bindings.map((binding) => binding.broker))],
    state: row.versions[0]?.state ?? null,
  }));
  const filters = {
    domain: (row: FacetRow) => !query.domain || row.domain?.slug === query.domain,
    team: (row: FacetRow) => !query.team || row.ownerTeam?.slug === query.team,
    broker: (row: FacetRow) => !query.broker || row.brokers.includes(query.broker),
    state: (row: FacetRow) => !query.state || row.state === query.state,
  };
  const passesAllBut = (row: FacetRow, skip: keyof typeof filters | null) =>
    (Object.keys(filters) as (keyof typeof filters)[]).every((name) => name === skip || filters[name](row));
  const matching = facetRows.filter((row) => passesAllBut(row, null));
  const pageIds = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((row) => row.id);

  const pageRows = await database.eventType.findMany({
    where: { id: { in: pageIds } },
    orderBy: { name: "asc" },
    include: {
      domain: { select: { slug: true, name: true } },
      ownerTeam: { select: { slug: true, name: true } },
      tags: { select: { tag: true }, orderBy: { tag: "asc" } },
      bindings: { select: { broker: true } },
      versions: { where: { deletedAt: null }, orderBy: { version: "desc" }, take: 1, select: { version: true, state: true } },
      serviceRoles: { select: { role: true, service: { select: { name: true } } }, orderBy: { service: { name: "asc" } } },
    },
  });
  return {
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
    items: pageRows.map((row) => ({
      name: row.name,
      description: row.description,
      domain: row.domain?.name ?? null,
      domainSlug: row.domain?.slug ?? null,
      ownerTeam: row.ownerTeam?.name ?? null,
      ownerTeamSlug: row.ownerTeam?.slug ?? null,
      tags: row.tags.map((tag) => tag.tag),
      brokers: [...new Set(row.bindings.map((binding) => binding.broker))].sort(),
      latestVersion: row.versions[0]?.version ?? null,
      latestState: row.versions[0]?.state ?? null,
      producers: row.serviceRoles.filter((role) => role.role === "PRODUCER").map((role) => role.service.name),
      consumers: row.serviceRoles.filter((role) => role.role === "CONSUMER").map((role) => role.service.name),
    })),
    facets: {
      domain: countFacet(facetRows.filter((row) => passesAllBut(row, "domain")), (row) => (row.domain ? [[row.domain.slug, row.domain.name]] : [])),
      team: countFacet(facetRows.filter((row) => passesAllBut(row, "team")), (row) => (row.ownerTeam ? [[row.ownerTeam.slug, row.ownerTeam.name]] : [])),
      broker: countFacet(facetRows.filter((row) => passesAllBut(row, "broker")), (row) => row.brokers.map((broker) => [broker, broker])),
      state: countFacet(facetRows.filter((row) => passesAllBut(row, "state")), (row) => (row.state ? [[row.state, row.state.toLowerCase()]] : [])),
    },
  };
}

function countFacet(rows: FacetRow[], values: (row: FacetRow) => [string, string][]): FacetValue[] {
  const counts = new Map<string, FacetValue>();
  for (const row of rows) {
    for (const [value, label] of values(row)) {
      const entry = counts.get(value) ?? { value, label, count: 0 };
      entry.count += 1;
      counts.set(value, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

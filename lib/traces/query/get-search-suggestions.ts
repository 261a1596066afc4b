import type { Database } from "../../db";

/** Values the trace search form offers as suggestions. */
export interface SearchSuggestions {
  /** Services seen in spans, and those declared in the catalog. */
  services: string[];
  /** Event types of the catalog, and those seen in spans. */
  eventTypes: string[];
  /** The business key attributes Eventscope indexes (`EVENTSCOPE_BUSINESS_KEYS`). */
  keys: string[];
}

const maxDistinct = 200;

/**
 * Suggestions for the search form. Distinct names from the span table come from a recursive
 * "skip scan" over the (serviceName, time) and (eventType, time) indexes: one index probe per
 * name instead of reading a million rows, on SQLite and PostgreSQL alike.
 */
export async function getSearchSuggestions(database: Database, businessKeys: readonly string[]): Promise<SearchSuggestions> {
  const [observedServices, observedEventTypes, catalogServices, catalogEventTypes] = await Promise.all([
    database.$queryRaw<{ name: string }[]>`
      WITH RECURSIVE names(name, n) AS (
        SELECT MIN("serviceName"), 1 FROM "Span"
        UNION ALL
        SELECT (SELECT MIN("serviceName") FROM "Span" WHERE "serviceName" > names.name), n + 1 FROM names WHERE names.name IS NOT NULL AND n < ${maxDistinct}
      )
      SELECT name FROM names WHERE name IS NOT NULL`,
    database.$queryRaw<{ name: string }[]>`
      WITH RECURSIVE names(name, n) AS (
        SELECT MIN("eventType"), 1 FROM "Span"
        UNION ALL
        SELECT (SELECT MIN("eventType") FROM "Span" WHERE "eventType" > names.name), n + 1 FROM names WHERE names.name IS NOT NULL AND n < ${maxDistinct}
      )
      SELECT name FROM names WHERE name IS NOT NULL`,
    database.service.findMany({ select: { name: true }, take: maxDistinct }),
    database.eventType.findMany({ select: { name: true }, take: maxDistinct }),
  ]);
  const merge = (...lists: { name: string }[][]) => [...new Set(lists.flat().map((row) => row.name))].sort((a, b) => a.localeCompare(b));
  return { services: merge(observedServices, catalogServices), eventTypes: merge(catalogEventTypes, observedEventTypes), keys: [...businessKeys] };
}

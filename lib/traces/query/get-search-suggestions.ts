import type { Database } from "../../db";
import { distinctSpanValues } from "../span-store/span-index-reads";

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

/** Suggestions for the search form: names seen in spans (read from their indexes) and names in the catalog. */
export async function getSearchSuggestions(database: Database, businessKeys: readonly string[]): Promise<SearchSuggestions> {
  const [observedServices, observedEventTypes, catalogServices, catalogEventTypes] = await Promise.all([
    distinctSpanValues(database, "serviceName", maxDistinct),
    distinctSpanValues(database, "eventType", maxDistinct),
    database.service.findMany({ select: { name: true }, take: maxDistinct }),
    database.eventType.findMany({ select: { name: true }, take: maxDistinct }),
  ]);
  const merge = (...lists: string[][]) => [...new Set(lists.flat())].sort((a, b) => a.localeCompare(b));
  const names = (rows: { name: string }[]) => rows.map((row) => row.name);
  return { services: merge(observedServices, names(catalogServices)), eventTypes: merge(names(catalogEventTypes), observedEventTypes), keys: [...businessKeys] };
}

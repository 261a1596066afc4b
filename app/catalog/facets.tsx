import Link from "next/link";
import type { EventTypeList, FacetValue } from "@/lib/registry/list-event-types";
import { catalogFilterNames, catalogHref, type CatalogFilterName, type CatalogParams } from "@/lib/registry/view/catalog-url";

const facetTitles: Record<CatalogFilterName, string> = { domain: "Domain", team: "Owner team", broker: "Broker", state: "Lifecycle state" };

/** The facet lists: each value is a link that sets (or, when active, clears) its filter. */
export function FacetPanel({ params, facets }: { params: CatalogParams; facets: EventTypeList["facets"] }) {
  return (
    <aside className="facets" aria-label="Filters">
      {catalogFilterNames.map((name) => (
        <Facet key={name} name={name} params={params} values={facets[name]} />
      ))}
    </aside>
  );
}

function Facet({ name, params, values }: { name: CatalogFilterName; params: CatalogParams; values: FacetValue[] }) {
  const active = params[name];
  return (
    <section className="facet" aria-labelledby={`facet-${name}`}>
      <h2 id={`facet-${name}`}>{facetTitles[name]}</h2>
      {values.length === 0 ? (
        <p className="muted facet-empty">none</p>
      ) : (
        <ul className="plain-list">
          {values.map((value) => {
            const isActive = value.value === active;
            return (
              <li key={value.value}>
                <Link
                  className="facet-value"
                  href={catalogHref(params, { [name]: isActive ? null : value.value })}
                  aria-current={isActive ? "true" : undefined}
                  aria-label={`${facetTitles[name]}: ${value.label}, ${value.count} event type${value.count === 1 ? "" : "s"}${isActive ? " (active, select to clear)" : ""}`}
                >
                  <span className="facet-label">{value.label}</span>
                  <span className="facet-count">{value.count}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The filters in force, each removable, plus "clear all". */
export function ActiveFilters({ params, facets }: { params: CatalogParams; facets: EventTypeList["facets"] }) {
  const active = catalogFilterNames.filter((name) => params[name]);
  if (active.length === 0 && !params.q) return null;
  return (
    <div className="active-filters" aria-label="Active filters" role="group">
      <span className="muted">Filtered by</span>
      {params.q ? (
        <Link className="chip" href={catalogHref(params, { q: null })} aria-label={`Remove search “${params.q}”`}>
          search: <strong>{params.q}</strong> <span aria-hidden="true">×</span>
        </Link>
      ) : null}
      {active.map((name) => {
        const value = params[name] ?? "";
        const label = facets[name].find((facet) => facet.value === value)?.label ?? value.toLowerCase();
        return (
          <Link key={name} className="chip" href={catalogHref(params, { [name]: null })} aria-label={`Remove filter ${facetTitles[name]}: ${label}`}>
            {facetTitles[name].toLowerCase()}: <strong>{label}</strong> <span aria-hidden="true">×</span>
          </Link>
        );
      })}
      <Link className="clear-all" href="/catalog">
        Clear all
      </Link>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { eventTypeHref, ServiceLinks, teamHref } from "@/app/components/entity-links";
import { StateBadge } from "@/app/components/state-badge";
import { db } from "@/lib/db";
import { formatCount } from "@/lib/format/units";
import { asyncApiExportHref } from "@/lib/queries/asyncapi";
import { eventTypeListQuerySchema, listEventTypes } from "@/lib/registry/list-event-types";
import { catalogHref, readCatalogParams } from "@/lib/registry/view/catalog-url";
import { ActiveFilters, FacetPanel } from "./facets";
import { Pagination } from "./pagination";
import { SearchHotkey } from "./search-hotkey-client";
import { markdownToPlainText } from "@/lib/registry/view/markdown";

export const metadata: Metadata = { title: "Catalog" };

const pageSize = 50;

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = readCatalogParams(await searchParams);
  const list = await listEventTypes(db(), eventTypeListQuerySchema.parse({ ...params, pageSize }));
  const firstShown = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const lastShown = Math.min(list.total, list.page * list.pageSize);
  const domainName = list.facets.domain.find((facet) => facet.value === params.domain)?.label ?? params.domain;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Catalog</h1>
          <p className="page-intro">Every event type, its owner, its latest version, and the services declared to produce and consume it.</p>
        </div>
        <div className="page-actions">
          <span className="page-links">
            <Link href="/teams">Teams</Link>
            <Link href="/services">Services</Link>
          </span>
          <Link className="button" href="/catalog/import">
            Import AsyncAPI
          </Link>
          <a className="button" href={asyncApiExportHref(params.domain)} download>
            Export AsyncAPI{params.domain ? ` (${domainName})` : ""}
          </a>
        </div>
      </div>
      <form className="toolbar" role="search" action="/catalog">
        <input
          id="catalog-search"
          type="search"
          name="q"
          defaultValue={params.q}
          placeholder="Search names, descriptions, tags, schema fields"
          aria-label="Search the catalog"
          aria-keyshortcuts="/"
          autoComplete="off"
        />
        {(["domain", "team", "broker", "state"] as const).map((name) =>
          params[name] ? <input key={name} type="hidden" name={name} value={params[name]} /> : null,
        )}
        <button type="submit">Search</button>
        <kbd className="hint" title="Press / to search">
          /
        </kbd>
        <span className="muted toolbar-end" aria-live="polite">
          {list.total === 0 ? "No event types" : `${formatCount(firstShown)}–${formatCount(lastShown)} of ${formatCount(list.total)} event type${list.total === 1 ? "" : "s"}`}
        </span>
        <SearchHotkey inputId="catalog-search" />
      </form>
      <ActiveFilters params={params} facets={list.facets} />
      <div className="catalog-layout">
        <FacetPanel params={params} facets={list.facets} />
        <div className="catalog-results">
          {list.items.length === 0 ? (
            <div className="empty">
              <strong>No event types match.</strong>
              {params.q || params.domain || params.team || params.broker || params.state ? (
                <>
                  Try fewer words or <Link href="/catalog">clear the search and filters</Link>.
                </>
              ) : (
                <>
                  The catalog is empty. <Link href="/catalog/import">Import an AsyncAPI document</Link> to fill it.
                </>
              )}
            </div>
          ) : (
            <div className="table-wrap">
              <table className="catalog-table">
                <thead>
                  <tr>
                    <th scope="col">Event type</th>
                    <th scope="col">Domain</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Latest</th>
                    <th scope="col">Brokers</th>
                    <th scope="col">Producers</th>
                    <th scope="col">Consumers</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((eventType) => (
                    <tr key={eventType.name}>
                      <td className="cell-name">
                        <Link className="mono strong-link" href={eventTypeHref(eventType.name)}>
                          {eventType.name}
                        </Link>
                        {eventType.description ? <div className="muted clamp">{markdownToPlainText(eventType.description)}</div> : null}
                      </td>
                      <td className="nowrap">
                        {eventType.domainSlug ? (
                          <Link className="quiet-link" href={catalogHref(params, { domain: eventType.domainSlug })} title={`Only ${eventType.domain}`}>
                            {eventType.domain}
                          </Link>
                        ) : (
                          <span className="muted">none</span>
                        )}
                      </td>
                      <td className="nowrap">
                        {eventType.ownerTeamSlug ? <Link href={teamHref(eventType.ownerTeamSlug)}>{eventType.ownerTeam}</Link> : <span className="muted">none</span>}
                      </td>
                      <td className="nowrap">
                        {eventType.latestVersion === null ? (
                          <span className="muted">none</span>
                        ) : (
                          <>
                            <span className="version">v{eventType.latestVersion}</span> <StateBadge state={eventType.latestState} />
                          </>
                        )}
                      </td>
                      <td>
                        {eventType.brokers.length === 0 ? (
                          <span className="muted">none</span>
                        ) : (
                          <ul className="plain-list">
                            {eventType.brokers.map((broker) => (
                              <li key={broker}>{broker}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td>
                        <ServiceLinks names={eventType.producers} />
                      </td>
                      <td>
                        <ServiceLinks names={eventType.consumers} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination params={params} total={list.total} pageSize={list.pageSize} />
        </div>
      </div>
    </>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatCount } from "@/lib/format/units";
import { flowHref } from "@/lib/queries/flows";
import { traceHref, traceSearchQueryOptions } from "@/lib/queries/traces";
import { serviceColors } from "@/lib/traces/flow/waterfall-math";
import { traceSearchQueryString, type TraceSearchParams } from "@/lib/traces/query/trace-search-params";
import { formatMs, formatStartTime } from "./trace-format";

/** The results table of a trace search; the search itself lives in the URL. */
export function TraceResults({ params }: { params: TraceSearchParams }) {
  const { data, error, isFetching, refetch } = useQuery(traceSearchQueryOptions(params));
  if (error) return <p className="callout callout-bad" role="alert">Could not search traces: {error.message}</p>;
  if (!data) return <p className="muted">Searching…</p>;
  const longest = Math.max(...data.traces.map((trace) => trace.durationMs), 0.001);
  const colorOf = serviceColors(data.traces.flatMap((trace) => [trace.rootService, ...trace.services]));
  const filtered = Object.keys(params).length > 0;
  return (
    <section aria-labelledby="trace-results-title">
      <div className="section-head">
        <h2 id="trace-results-title">
          {data.traces.length === 0 ? "No traces" : `${data.traces.length} trace${data.traces.length === 1 ? "" : "s"}`}
          <span className="muted section-sub">{filtered ? "matching, newest first" : "most recent first"}</span>
        </h2>
        <button type="button" className="button-small" onClick={() => void refetch()} disabled={isFetching}>
          {isFetching ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      {!data.complete && data.searchedBackTo ? (
        <p className="callout small">
          Searched back to {formatStartTime(data.searchedBackTo)} without finding {params.limit ?? 50} matches.{" "}
          <Link href={`/traces${traceSearchQueryString({ ...params, to: data.searchedBackTo })}`}>Search older traces</Link>, or add a service or key to narrow the search.
        </p>
      ) : null}
      {data.traces.length === 0 ? (
        <div className="empty">
          {!data.complete ? (
            <strong>No match in the traces searched so far.</strong>
          ) : filtered ? (
            <>
              <strong>No trace matches this search.</strong>
              Check the spelling, widen the time range or <Link href="/traces">clear the filters</Link>.
            </>
          ) : (
            <>
              <strong>No spans stored yet.</strong>
              Traces appear here as soon as services send OpenTelemetry spans to Eventscope (OTLP/HTTP at /v1/traces).
            </>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="trace-table">
            <thead>
              <tr>
                <th scope="col">Trace</th>
                <th scope="col">Started</th>
                <th scope="col" className="num">
                  Duration
                </th>
                <th scope="col" className="num">
                  Spans
                </th>
                <th scope="col">Services</th>
                <th scope="col">Business keys</th>
              </tr>
            </thead>
            <tbody>
              {data.traces.map((trace) => (
                <tr key={trace.traceId} className={trace.error ? "trace-row-error" : undefined}>
                  <td className="cell-name">
                    <Link className="strong-link" href={traceHref(trace.traceId)} aria-label={`Trace ${trace.rootService}: ${trace.rootName || trace.traceId}${trace.error ? ", has errors" : ""}`}>
                      <span className="svc-dot" style={{ background: colorOf(trace.rootService) }} aria-hidden="true" />
                      {trace.rootService}
                      <span className="muted">:</span> {trace.rootName || <span className="muted">unnamed</span>}
                    </Link>
                    {trace.error ? <span className="badge badge-bad trace-error-badge">error</span> : null}
                    <div className="mono muted small">{trace.traceId}</div>
                  </td>
                  <td className="nowrap small">{formatStartTime(trace.startTime)}</td>
                  <td className="num nowrap">
                    {formatMs(trace.durationMs)}
                    <div className="duration-meter" aria-hidden="true">
                      <span style={{ width: `${Math.max(2, (trace.durationMs / longest) * 100)}%` }} />
                    </div>
                  </td>
                  <td className="num">{formatCount(trace.spanCount)}</td>
                  <td>
                    <ul className="plain-list service-list">
                      {trace.services.map((service) => (
                        <li key={service}>
                          <span className="svc-dot" style={{ background: colorOf(service) }} aria-hidden="true" />
                          {service}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {Object.keys(trace.keys).length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      <ul className="plain-list">
                        {Object.entries(trace.keys).map(([key, value]) => (
                          <li key={key}>
                            <Link className="chip key-chip" href={flowHref(key, value)} title={`Open the flow of ${key} ${value} across all its traces`}>
                              <span className="mono">
                                {key}={value}
                              </span>
                              <span aria-hidden="true">→ flow</span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatMs, formatStartTime } from "@/app/traces/trace-format";
import { formatCount } from "@/lib/format/units";
import { lagOverviewQueryOptions } from "@/lib/queries/lag";

export function LagTables({ windowMinutes }: { windowMinutes: number }) {
  const { data, error } = useQuery(lagOverviewQueryOptions(windowMinutes));
  if (!data) return error ? <p className="badge badge-bad">Could not load lag: {error.message}</p> : null;
  return (
    <>
      <h2>Publish → process latency</h2>
      {data.measured.length === 0 ? (
        <div className="empty">
          <strong>No processed messages in this window.</strong>
          Latency appears once services send spans for publishing and processing messages.
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Event type</th>
                <th scope="col">Consumer</th>
                <th scope="col" className="num">Messages</th>
                <th scope="col" className="num">Failed</th>
                <th scope="col" className="num">p50</th>
                <th scope="col" className="num">p95</th>
                <th scope="col" className="num">Max</th>
              </tr>
            </thead>
            <tbody>
              {data.measured.map((row) => (
                <tr key={`${row.eventType}/${row.consumer}`}>
                  <td className="mono">
                    <Link href={`/catalog/${encodeURIComponent(row.eventType)}`}>{row.eventType}</Link>
                  </td>
                  <td className="mono">
                    <Link href={`/services/${encodeURIComponent(row.consumer)}`}>{row.consumer}</Link>
                  </td>
                  <td className="num">
                    {formatCount(row.messages)}
                    {row.coveredSince ? <span className="muted small"> since {formatStartTime(row.coveredSince)}*</span> : null}
                  </td>
                  <td className="num">{row.failed > 0 ? <span className="badge badge-bad">{formatCount(row.failed)}</span> : 0}</td>
                  <td className="num">{formatMs(row.p50Ms)}</td>
                  <td className="num">{formatMs(row.p95Ms)}</td>
                  <td className="num">{formatMs(row.maxMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.measured.some((row) => row.coveredSince) ? (
            <p className="muted small">* More spans of this event type in the window than are measured at once: its figures cover the newest, since the time shown.</p>
          ) : null}
        </div>
      )}
      {data.silent.length > 0 ? (
        <>
          <h2>Declared consumers with nothing processed in this window</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Event type</th>
                  <th scope="col">Consumer</th>
                </tr>
              </thead>
              <tbody>
                {data.silent.map((row) => (
                  <tr key={`${row.eventType}/${row.consumer}`}>
                    <td className="mono">{row.eventType}</td>
                    <td className="mono">{row.consumer}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}

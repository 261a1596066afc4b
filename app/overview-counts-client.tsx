"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { overviewCountsQueryOptions } from "@/lib/queries/overview";

const numberFormat = new Intl.NumberFormat("en");

export function OverviewCounts() {
  const { data, error } = useQuery(overviewCountsQueryOptions());
  const stats = [
    { label: "Event types", value: data?.eventTypes, href: "/catalog" },
    { label: "Services seen", value: data?.servicesSeen, href: "/traces" },
    { label: "Spans stored", value: data?.spansStored, href: "/traces" },
    { label: "Dead letters waiting", value: data?.deadLettersWaiting, href: "/dead-letters" },
  ];
  return (
    <>
      <div className="stats" aria-live="polite">
        {stats.map((stat) => (
          <Link className="stat" href={stat.href} key={stat.label} data-testid={`stat-${stat.label.toLowerCase().replaceAll(" ", "-")}`}>
            <div className="stat-value">{stat.value === undefined ? "–" : numberFormat.format(stat.value)}</div>
            <div className="stat-label">{stat.label}</div>
          </Link>
        ))}
      </div>
      {error ? <p className="badge badge-bad">Could not refresh the counts: {error.message}</p> : null}
    </>
  );
}

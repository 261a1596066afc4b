import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { decodeSegment } from "@/app/components/entity-links";
import { Markdown } from "@/app/components/markdown";
import { StateBadge } from "@/app/components/state-badge";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { eventTypeDiffQueryOptions } from "@/lib/queries/event-types";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { diffEventVersions } from "@/lib/registry/diff-event-versions";
import { getEventType } from "@/lib/registry/get-event-type";
import { readVersionSelection } from "@/lib/registry/view/version-params";
import { DiffSection } from "./diff-section";
import { EventTypeFacts } from "./event-type-facts";
import { ObservedUsageSection } from "./observed-usage-section";
import { SchemaSection } from "./schema-section";
import { VersionsTable } from "./versions-table";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadEventType(name: string) {
  try {
    return await getEventType(db(), name);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).name) };
}

export default async function EventTypePage({ params, searchParams }: Props) {
  const name = decodeSegment((await params).name);
  const eventType = await loadEventType(name);
  const selection = readVersionSelection(
    await searchParams,
    eventType.versions.map((version) => version.version),
  );
  const latest = eventType.versions[0];

  const queryClient = getQueryClient();
  if (selection.from !== null && selection.to !== null && selection.from !== selection.to) {
    const { from, to } = selection;
    // A pair that cannot be compared (formats differ) is explained by the client island, not the page.
    await queryClient.prefetchQuery({ ...eventTypeDiffQueryOptions(eventType.name, from, to), queryFn: () => diffEventVersions(db(), eventType.name, from, to) });
  }

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/catalog">Catalog</Link>
        {eventType.domain ? (
          <>
            <span aria-hidden="true">/</span>
            <Link href={`/catalog?domain=${encodeURIComponent(eventType.domain.slug)}`}>{eventType.domain.name}</Link>
          </>
        ) : null}
      </nav>
      <div className="page-head">
        <div>
          <h1 className="mono">{eventType.name}</h1>
          <p className="muted head-meta">
            {latest ? (
              <>
                Latest <span className="version">v{latest.version}</span>
                {latest.label ? <span className="mono"> ({latest.label})</span> : null} <StateBadge state={latest.state} />
              </>
            ) : (
              "No versions registered yet"
            )}
          </p>
        </div>
        <div className="page-actions">
          <Link className="button button-primary" href={`/catalog/${encodeURIComponent(eventType.name)}/register`}>
            Register new version
          </Link>
        </div>
      </div>
      {eventType.description ? <Markdown className="description" text={eventType.description} /> : <p className="muted">No description yet.</p>}
      <EventTypeFacts eventType={eventType} />
      <ObservedUsageSection eventType={eventType} />
      <VersionsTable eventType={eventType} selection={selection} />
      <SchemaSection eventType={eventType} selection={selection} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <DiffSection eventType={eventType} selection={selection} />
      </HydrationBoundary>
    </>
  );
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { decodeSegment, eventTypeHref } from "@/app/components/entity-links";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lagQuerySchema, lagWindowLabels, lagWindows } from "@/lib/lag/lag-window";
import { eventFlowHref, eventFlowQueryOptions } from "@/lib/queries/flows";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { getEventFlow } from "@/lib/traces/query/get-event-flow";
import { EventFlowView } from "./event-flow-client";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodeSegment((await params).name)} flow` };
}

/** `/catalog/{name}/flow?window=60&edge=…`: the window is chosen here, the edge in the client island. */
export default async function EventFlowPage({ params, searchParams }: Props) {
  const name = decodeSegment((await params).name);
  const parsed = lagQuerySchema.safeParse(await searchParams);
  const windowMinutes = parsed.success ? parsed.data.window : 60;
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery({ ...eventFlowQueryOptions(name, windowMinutes), queryFn: () => getEventFlow(db(), name, windowMinutes) });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/catalog">Catalog</Link>
        <span aria-hidden="true">/</span>
        <Link href={eventTypeHref(name)}>{name}</Link>
      </nav>
      <h1>
        Event flow <span className="mono h1-sub">{name}</span>
      </h1>
      <p className="page-intro">
        Who published <span className="mono">{name}</span>, through which destinations, which consumers processed it and how long it waited, and what they published next — aggregated from
        messaging spans.
      </p>
      <nav className="segmented" aria-label="Time window">
        {lagWindows.map((minutes) => (
          <Link key={minutes} href={eventFlowHref(name, { windowMinutes: minutes })} aria-current={minutes === windowMinutes ? "page" : undefined}>
            Last {lagWindowLabels[minutes]}
          </Link>
        ))}
      </nav>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <EventFlowView name={name} windowMinutes={windowMinutes} />
      </HydrationBoundary>
    </>
  );
}

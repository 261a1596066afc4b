import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { SearchHotkey } from "@/app/catalog/search-hotkey-client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { traceSearchQueryOptions } from "@/lib/queries/traces";
import { getSearchSuggestions } from "@/lib/traces/query/get-search-suggestions";
import { searchTraces } from "@/lib/traces/query/search-traces";
import { readTraceSearchParams, traceSearchQuerySchema, traceSearchQueryString } from "@/lib/traces/query/trace-search-params";
import { TraceResults } from "./trace-results-client";
import { TraceSearchForm } from "./trace-search-form";

export const metadata: Metadata = { title: "Traces" };

export default async function TracesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = readTraceSearchParams(await searchParams);
  // The form always sends its key field; on this page a key filters only together with a value.
  if (!params.value) delete params.key;
  const parsed = traceSearchQuerySchema.safeParse(params);
  const queryClient = getQueryClient();
  if (parsed.success) await queryClient.prefetchQuery({ ...traceSearchQueryOptions(params), queryFn: () => searchTraces(db(), parsed.data) });
  const suggestions = await getSearchSuggestions(db(), env().EVENTSCOPE_BUSINESS_KEYS);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Traces</h1>
          <p className="page-intro">
            Find traces by service, operation, event type, business key or attribute. A result with a business key opens the{" "}
            <Link href="/flows">order flow</Link> across every trace it touched.
          </p>
        </div>
      </div>
      {/* Keyed by the search, so that a link to another search shows its values in the form. */}
      <TraceSearchForm key={traceSearchQueryString(params)} params={params} suggestions={suggestions} />
      <SearchHotkey inputId="trace-search-value" />
      {parsed.success ? (
        <HydrationBoundary state={dehydrate(queryClient)}>
          <TraceResults params={params} />
        </HydrationBoundary>
      ) : (
        <p className="callout callout-bad" role="alert">
          {parsed.error.issues[0]?.path.join(".") || "search"}: {parsed.error.issues[0]?.message}
        </p>
      )}
    </>
  );
}

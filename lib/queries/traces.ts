import { queryOptions } from "@tanstack/react-query";
import type { TraceDetail } from "../traces/query/get-trace-detail";
import type { TraceSearchPage } from "../traces/query/search-traces";
import { traceSearchQueryString, type TraceSearchParams } from "../traces/query/trace-search-params";
import { fetchJson } from "./fetch-json";

export const traceKeys = {
  all: ["traces"] as const,
  searches: () => [...traceKeys.all, "search"] as const,
  search: (params: TraceSearchParams) => [...traceKeys.searches(), params] as const,
  detail: (traceId: string) => [...traceKeys.all, "detail", traceId.toLowerCase()] as const,
};

/** A trace search, keyed by its URL parameters (the same on the server page and in the browser). */
export function traceSearchQueryOptions(params: TraceSearchParams) {
  return queryOptions({
    queryKey: traceKeys.search(params),
    queryFn: () => fetchJson<TraceSearchPage>(`/api/traces${traceSearchQueryString(params)}`),
  });
}

/** One trace with its spans, links both ways and business keys. */
export function traceDetailQueryOptions(traceId: string) {
  return queryOptions({
    queryKey: traceKeys.detail(traceId),
    queryFn: () => fetchJson<TraceDetail>(`/api/traces/${encodeURIComponent(traceId.toLowerCase())}`),
    staleTime: 30_000,
  });
}

/** The trace page of a trace, optionally with a span selected. */
export function traceHref(traceId: string, spanId?: string | null): string {
  return `/traces/${traceId}${spanId ? `?span=${spanId}` : ""}`;
}

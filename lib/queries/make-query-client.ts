import { QueryClient } from "@tanstack/react-query";

/** Shared defaults for the browser's QueryClient and each request's server QueryClient. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Data prefetched on the server is fresh for a while, so the client does not refetch at once.
      queries: { staleTime: 10_000, refetchOnWindowFocus: true, retry: 1 },
    },
  });
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { AppError } from "@/lib/errors";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { traceDetailQueryOptions } from "@/lib/queries/traces";
import { getTraceDetail } from "@/lib/traces/query/get-trace-detail";
import { spanReader } from "@/lib/traces/span-store/span-reader";
import { TraceView } from "./trace-view-client";

interface PageProps {
  params: Promise<{ traceId: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { traceId } = await params;
  return { title: `Trace ${traceId.slice(0, 8)}` };
}

export default async function TracePage({ params }: PageProps) {
  const traceId = (await params).traceId.toLowerCase();
  const queryClient = getQueryClient();
  let missing: string | null = null;
  try {
    await queryClient.fetchQuery({ ...traceDetailQueryOptions(traceId), queryFn: () => getTraceDetail(spanReader(), traceId) });
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== "NOT_FOUND" && error.code !== "BAD_REQUEST")) throw error;
    missing = error.code === "BAD_REQUEST" ? "A trace id is 32 hexadecimal characters." : "No spans are stored for this trace: they may not have arrived yet, or retention removed them.";
  }
  if (missing) {
    return (
      <>
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link href="/traces">Traces</Link> <span aria-hidden="true">/</span> <span className="mono">{traceId}</span>
        </nav>
        <h1>Trace not found</h1>
        <div className="empty">
          <strong className="mono">{traceId}</strong>
          {missing} <Link href="/traces">Search traces</Link>
        </div>
      </>
    );
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TraceView traceId={traceId} />
    </HydrationBoundary>
  );
}

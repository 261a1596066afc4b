import type { Database } from "../db";

export interface TraceSummary {
  traceId: string;
  spanCount: number;
  startTimeUnixNano: bigint;
  durationNano: bigint;
}

/** The most recently started traces, newest first. */
export async function listRecentTraces(database: Database, limit = 50): Promise<TraceSummary[]> {
  const groups = await database.span.groupBy({
    by: ["traceId"],
    _count: { _all: true },
    _min: { startTimeUnixNano: true },
    _max: { endTimeUnixNano: true },
    orderBy: { _min: { startTimeUnixNano: "desc" } },
    take: limit,
  });
  return groups.map((group) => {
    const start = group._min.startTimeUnixNano ?? 0n;
    const end = group._max.endTimeUnixNano ?? start;
    return { traceId: group.traceId, spanCount: group._count._all, startTimeUnixNano: start, durationNano: end - start };
  });
}

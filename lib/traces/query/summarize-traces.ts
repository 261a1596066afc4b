/** One trace of a search result, as `GET /api/traces` sends it. */
export interface TraceSearchResult {
  traceId: string;
  rootService: string;
  rootName: string;
  /** The earliest span's start, ISO 8601 (UTC, ms precision). */
  startTime: string;
  /** The same instant in Unix nanoseconds, as a decimal string. */
  startTimeUnixNano: string;
  /** Earliest start to latest end, in milliseconds (fractional). */
  durationMs: number;
  spanCount: number;
  /** Services with spans in the trace, alphabetical. */
  services: string[];
  /** Whether any span has status ERROR. */
  error: boolean;
  /** Business keys found in the trace, one value per key (see {@link summarizeTraces}). */
  keys: Record<string, string>;
}

/** Per-trace facts the store aggregates for a batch of candidate traces. */
export interface TraceFacts {
  totals: { traceId: string; spanCount: number; startNano: bigint; endNano: bigint }[];
  /** Root spans (no parent), or for a trace whose root never arrived, its earliest spans. */
  roots: { traceId: string; serviceName: string; name: string; startNano: bigint; parentSpanId: string | null }[];
  services: { traceId: string; serviceName: string }[];
  errorTraceIds: string[];
  keys: { traceId: string; key: string; value: string; startNano: bigint }[];
}

/** Filters decided on the summary rather than on single spans. */
export interface SummaryFilters {
  minMs?: number;
  maxMs?: number;
  error?: boolean;
  fromNano?: bigint;
  toNano?: bigint;
  /** A key value to prefer when a trace carries several values of one key. */
  preferredKey?: { key: string; value?: string };
}

const nanosPerMs = 1_000_000n;

/**
 * Folds the aggregated facts of a batch of traces into search results, newest first, and drops
 * the ones outside the duration, error and start-time filters. The root is the earliest span
 * without a parent, else the earliest span (its parent was never received). A trace with several
 * values of one business key (a batch job touching many orders) reports the searched value when
 * it has it, else the earliest one.
 */
export function summarizeTraces(facts: TraceFacts, filters: SummaryFilters = {}): TraceSearchResult[] {
  const roots = pickRoots(facts.roots);
  const services = groupValues(facts.services.map((row) => [row.traceId, row.serviceName]));
  const errors = new Set(facts.errorTraceIds);
  const keys = pickKeys(facts.keys, filters.preferredKey);
  const results: { startNano: bigint; result: TraceSearchResult }[] = [];
  for (const total of facts.totals) {
    const durationMs = traceDurationMs(total.startNano, total.endNano);
    const error = errors.has(total.traceId);
    if (!withinDuration(durationMs, filters)) continue;
    if (filters.error && !error) continue;
    if (filters.fromNano !== undefined && total.startNano < filters.fromNano) continue;
    if (filters.toNano !== undefined && total.startNano > filters.toNano) continue;
    const root = roots.get(total.traceId);
    results.push({
      startNano: total.startNano,
      result: {
        traceId: total.traceId,
        rootService: root?.serviceName ?? "unknown",
        rootName: root?.name ?? "",
        startTime: new Date(Number(total.startNano / nanosPerMs)).toISOString(),
        startTimeUnixNano: total.startNano.toString(),
        durationMs,
        spanCount: total.spanCount,
        services: [...(services.get(total.traceId) ?? [])].sort(),
        error,
        keys: keys.get(total.traceId) ?? {},
      },
    });
  }
  results.sort((a, b) => (a.startNano === b.startNano ? a.result.traceId.localeCompare(b.result.traceId) : a.startNano > b.startNano ? -1 : 1));
  return results.map((entry) => entry.result);
}

/** A trace's duration: earliest start to latest end, in milliseconds. */
export function traceDurationMs(startNano: bigint, endNano: bigint): number {
  return nanosToMs(endNano > startNano ? endNano - startNano : 0n);
}

export function withinDuration(durationMs: number, filters: Pick<SummaryFilters, "minMs" | "maxMs">): boolean {
  return (filters.minMs === undefined || durationMs >= filters.minMs) && (filters.maxMs === undefined || durationMs <= filters.maxMs);
}

/** Nanoseconds as milliseconds with µs precision, for `…Ms` fields. */
export function nanosToMs(nanos: bigint): number {
  return Number(nanos / 1_000n) / 1_000;
}

function pickRoots(rows: TraceFacts["roots"]): Map<string, TraceFacts["roots"][number]> {
  const roots = new Map<string, TraceFacts["roots"][number]>();
  for (const row of rows) {
    const current = roots.get(row.traceId);
    const better =
      !current ||
      (current.parentSpanId !== null && row.parentSpanId === null) ||
      ((current.parentSpanId === null) === (row.parentSpanId === null) && row.startNano < current.startNano);
    if (better) roots.set(row.traceId, row);
  }
  return roots;
}

function pickKeys(rows: TraceFacts["keys"], preferred: SummaryFilters["preferredKey"]): Map<string, Record<string, string>> {
  const sorted = [...rows].sort((a, b) => (a.startNano === b.startNano ? 0 : a.startNano < b.startNano ? -1 : 1));
  const byTrace = new Map<string, Record<string, string>>();
  for (const row of sorted) {
    const keys = byTrace.get(row.traceId) ?? {};
    byTrace.set(row.traceId, keys);
    const isPreferred = preferred?.key === row.key && preferred.value === row.value;
    if (!Object.hasOwn(keys, row.key) || isPreferred) keys[row.key] = row.value;
  }
  return byTrace;
}

function groupValues(pairs: [string, string][]): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const [group, value] of pairs) {
    const set = groups.get(group) ?? new Set<string>();
    set.add(value);
    groups.set(group, set);
  }
  return groups;
}

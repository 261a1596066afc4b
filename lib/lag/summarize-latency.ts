/** One delivered message: which event type, which consumer, and publish→process latency. */
export interface LatencySample {
  eventType: string;
  consumer: string;
  latencyNano: bigint;
  failed: boolean;
}

export interface LatencySummary {
  eventType: string;
  consumer: string;
  messages: number;
  failed: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Groups samples per (event type, consumer), slowest p95 first. */
export function summarizeLatency(samples: LatencySample[]): LatencySummary[] {
  const groups = new Map<string, { eventType: string; consumer: string; latencies: number[]; failed: number }>();
  for (const sample of samples) {
    const key = `${sample.eventType}\u0000${sample.consumer}`;
    const group = groups.get(key) ?? { eventType: sample.eventType, consumer: sample.consumer, latencies: [], failed: 0 };
    group.latencies.push(Number(sample.latencyNano) / 1e6);
    if (sample.failed) group.failed += 1;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => {
      const sorted = group.latencies.sort((a, b) => a - b);
      return {
        eventType: group.eventType,
        consumer: group.consumer,
        messages: sorted.length,
        failed: group.failed,
        p50Ms: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
        maxMs: round(sorted.at(-1) ?? 0),
      };
    })
    .sort((a, b) => b.p95Ms - a.p95Ms || a.eventType.localeCompare(b.eventType) || a.consumer.localeCompare(b.consumer));
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

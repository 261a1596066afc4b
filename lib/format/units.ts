/** Counts, durations and instants for display. Span times are Unix nanoseconds as bigint, never numbers of ms. */
export function formatDurationNano(nanos: bigint): string {
  if (nanos < 1_000n) return `${nanos} ns`;
  if (nanos < 1_000_000n) return `${trim(Number(nanos) / 1e3)} µs`;
  if (nanos < 1_000_000_000n) return `${trim(Number(nanos) / 1e6)} ms`;
  return `${trim(Number(nanos) / 1e9)} s`;
}

export function unixNanoToDate(nanos: bigint): Date {
  return new Date(Number(nanos / 1_000_000n));
}

/** An instant as `YYYY-MM-DD HH:MM:SS` in UTC, the same on server and client. */
export function formatInstant(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 19) + " UTC";
}

const countFormat = new Intl.NumberFormat("en");

/** A count with thousands separators (`5,000`), the same on server and client. */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

function trim(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

import { formatDurationNano, formatInstant } from "@/lib/format/units";

/** Milliseconds (fractional, as the API sends them) for display, via the shared nanosecond formatter. */
export function formatMs(ms: number): string {
  const sign = ms < 0 ? "−" : "";
  return sign + formatDurationNano(BigInt(Math.round(Math.abs(ms) * 1_000_000)));
}

/** An ISO instant as the app shows instants (UTC, seconds). */
export function formatStartTime(iso: string): string {
  return formatInstant(new Date(iso));
}

/** Unix nanoseconds (decimal string) as the app shows instants, with milliseconds. */
export function formatNanoInstant(nanos: string): string {
  const date = new Date(Number(BigInt(nanos) / 1_000_000n));
  return `${date.toISOString().replace("T", " ").slice(0, 23)} UTC`;
}

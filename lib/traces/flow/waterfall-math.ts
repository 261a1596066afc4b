/** Where a span's bar sits on the timeline, in percent of the trace's duration. */
export interface BarGeometry {
  leftPct: number;
  widthPct: number;
}

/** Bars narrower than this are widened so a 1 µs span in a 10 s trace stays visible and clickable. */
export const minBarWidthPct = 0.4;

/** The bar of [startNano, endNano] within a trace spanning [traceStart, traceEnd]. */
export function barGeometry(startNano: bigint, endNano: bigint, traceStart: bigint, traceEnd: bigint): BarGeometry {
  const total = traceEnd > traceStart ? Number(traceEnd - traceStart) : 1;
  const left = clamp((Number(startNano - traceStart) / total) * 100, 0, 100);
  const width = clamp((Number((endNano > startNano ? endNano : startNano) - startNano) / total) * 100, 0, 100 - left);
  if (width >= minBarWidthPct) return { leftPct: left, widthPct: width };
  return { leftPct: Math.min(left, 100 - minBarWidthPct), widthPct: minBarWidthPct };
}

/** Evenly spaced tick offsets (ns from the trace start) for a time axis: 0, d/n, …, d. */
export function timeTicks(durationNano: bigint, intervals = 4): bigint[] {
  const ticks: bigint[] = [];
  const steps = BigInt(Math.max(1, intervals));
  for (let step = 0n; step <= steps; step += 1n) ticks.push((durationNano * step) / steps);
  return ticks;
}

/** The rows of a virtualised list that need rendering at a scroll position, with overscan. */
export function visibleWindow(input: { scrollTop: number; viewportHeight: number; rowHeight: number; rowCount: number; overscan?: number }): { first: number; last: number } {
  const overscan = input.overscan ?? 10;
  if (input.rowCount === 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(input.scrollTop / input.rowHeight) - overscan);
  const last = Math.min(input.rowCount - 1, Math.ceil((input.scrollTop + input.viewportHeight) / input.rowHeight) + overscan);
  return { first, last };
}

/** The number of service colours defined in globals.css (`--svc-0` … `--svc-9`). */
export const serviceColorCount = 10;

/** A service's own colour slot (FNV-1a of its name), the same on every page. */
export function serviceColorIndex(serviceName: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < serviceName.length; index += 1) {
    hash ^= serviceName.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % serviceColorCount;
}

/**
 * The colours (`var(--svc-N)`) of the services one view shows together. Each service takes its
 * own slot unless a service before it (by name) took it already; then it takes the next free
 * one, so that two services of one trace or graph never share a colour while slots remain.
 */
export function serviceColors(serviceNames: Iterable<string>): (serviceName: string) => string {
  const taken = new Set<number>();
  const slots = new Map<string, number>();
  for (const name of [...new Set(serviceNames)].sort()) {
    let slot = serviceColorIndex(name);
    for (let tries = 1; tries < serviceColorCount && taken.has(slot); tries += 1) slot = (slot + 1) % serviceColorCount;
    taken.add(slot);
    slots.set(name, slot);
  }
  return (serviceName) => `var(--svc-${slots.get(serviceName) ?? serviceColorIndex(serviceName)})`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

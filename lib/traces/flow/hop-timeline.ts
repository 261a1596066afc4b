import type { FlowHop } from "./flow-types";
import { barGeometry, type BarGeometry } from "./waterfall-math";

/** One hop on the shared time axis: publish → broker dwell → each delivery attempt, retry waits, the dead-letter moment. */
export interface HopTimelineRow {
  publish: BarGeometry | null;
  dwell: BarGeometry | null;
  attempts: (BarGeometry & { error: boolean; traceId: string; spanId: string })[];
  /** Gaps between a failed attempt and the next one (redelivery delay). */
  waits: BarGeometry[];
  /** Where the message was dead-lettered, in percent of the axis. */
  deadLetterPct: number | null;
}

/** The time axis of an order flow's hops (Unix ns) and each hop's bars in percent of it. */
export interface HopTimeline {
  startNano: bigint;
  endNano: bigint;
  rows: HopTimelineRow[];
}

/** Places every hop on one axis from the earliest publish (or delivery) to the latest end or dead-letter. */
export function hopTimeline(hops: readonly FlowHop[]): HopTimeline {
  let startNano: bigint | null = null;
  let endNano: bigint | null = null;
  const widen = (value: string | null | undefined) => {
    if (!value) return;
    const nano = BigInt(value);
    if (startNano === null || nano < startNano) startNano = nano;
    if (endNano === null || nano > endNano) endNano = nano;
  };
  for (const hop of hops) {
    widen(hop.publishAt);
    widen(hop.publishEndAt);
    widen(hop.processStartAt);
    widen(hop.processEndAt);
    widen(hop.deadLetter?.at);
    for (const attempt of hop.attempts) widen(attempt.endAt);
  }
  const start: bigint = startNano ?? 0n;
  const end: bigint = endNano ?? start;
  const bar = (from: bigint, to: bigint) => barGeometry(from, to > from ? to : from, start, end);
  const rows = hops.map((hop): HopTimelineRow => {
    const publishAt = hop.publishAt ? BigInt(hop.publishAt) : null;
    const publishEnd = hop.publishEndAt ? BigInt(hop.publishEndAt) : publishAt;
    const processStart = BigInt(hop.processStartAt);
    const attempts = hop.attempts.map((attempt) => ({ ...bar(BigInt(attempt.startAt), BigInt(attempt.endAt)), error: attempt.error, traceId: attempt.traceId, spanId: attempt.spanId }));
    const waits: BarGeometry[] = [];
    for (let index = 1; index < hop.attempts.length; index += 1) {
      const previousEnd = BigInt(hop.attempts[index - 1]!.endAt);
      const nextStart = BigInt(hop.attempts[index]!.startAt);
      if (nextStart > previousEnd) waits.push(bar(previousEnd, nextStart));
    }
    return {
      publish: publishAt !== null && publishEnd !== null ? bar(publishAt, publishEnd) : null,
      dwell: publishEnd !== null && processStart > publishEnd ? bar(publishEnd, processStart) : null,
      attempts,
      waits,
      deadLetterPct: hop.deadLetter ? bar(BigInt(hop.deadLetter.at), BigInt(hop.deadLetter.at)).leftPct : null,
    };
  });
  return { startNano: start, endNano: end, rows };
}

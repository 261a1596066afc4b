import Link from "next/link";
import { formatDurationNano } from "@/lib/format/units";
import { traceHref } from "@/lib/queries/traces";
import type { FlowHop } from "@/lib/traces/flow/flow-types";
import { hopTimeline } from "@/lib/traces/flow/hop-timeline";
import { eventLabel } from "@/lib/traces/flow/layout-flow-graph";
import { timeTicks } from "@/lib/traces/flow/waterfall-math";
import { formatMs, formatNanoInstant } from "../traces/trace-format";

const outcomeBadge = { ok: "badge badge-ok", error: "badge badge-bad", "dead-lettered": "badge badge-bad" } as const;

/** Each hop on one time axis: publish → broker dwell → process, retries, failures and the dead-letter moment. */
export function FlowHops({ hops, colorOf }: { hops: FlowHop[]; colorOf: (serviceName: string) => string }) {
  const timeline = hopTimeline(hops);
  if (hops.length === 0) return <p className="empty">No message was consumed in these traces yet.</p>;
  const duration = timeline.endNano - timeline.startNano;
  return (
    <div className="hops panel" role="table" aria-label="Hops">
      <div className="hop-row hop-head" role="row">
        <div role="columnheader">Hop</div>
        <div role="columnheader" className="hop-track">
          {timeTicks(duration, 4).map((tick, index) => (
            <span key={index} className="waterfall-tick" style={{ left: `${index * 25}%` }}>
              +{formatDurationNano(tick)}
            </span>
          ))}
        </div>
        <div role="columnheader">Outcome</div>
      </div>
      {hops.map((hop, index) => {
        const row = timeline.rows[index]!;
        return (
          <div key={`${hop.publish?.spanId ?? hop.attempts[0]?.spanId}-${hop.consumer}-${index}`} className={`hop-row hop-${hop.outcome}`} role="row">
            <div role="cell" className="hop-label">
              <div className="hop-services">
                <span className="svc-dot" style={{ background: colorOf(hop.producer ?? "?") }} aria-hidden="true" />
                {hop.producer ?? <span className="muted">untraced producer</span>}
                <span className="muted hop-arrow">→</span>
                <span className="svc-dot" style={{ background: colorOf(hop.consumer) }} aria-hidden="true" />
                {hop.consumer}
              </div>
              <div className="small muted mono hop-event" title={hop.messageId ? `message ${hop.messageId}` : undefined}>
                {eventLabel(hop.eventType, hop.eventVersion, hop.destination)}
                {hop.destination && hop.eventType ? ` via ${hop.destination}` : ""}
              </div>
            </div>
            <div role="cell" className="hop-track">
              {row.publish && hop.publish ? (
                <Link className="hop-bar hop-publish" href={traceHref(hop.publish.traceId, hop.publish.spanId)} style={{ left: `${row.publish.leftPct}%`, width: `${row.publish.widthPct}%` }} title={`published ${hop.publishAt ? formatNanoInstant(hop.publishAt) : ""}`}>
                  <span className="visually-hidden">Publish span</span>
                </Link>
              ) : null}
              {row.dwell ? <span className="hop-bar hop-dwell" style={{ left: `${row.dwell.leftPct}%`, width: `${row.dwell.widthPct}%` }} title={`broker dwell ${hop.dwellMs === null ? "" : formatMs(hop.dwellMs)}`} /> : null}
              {row.waits.map((wait, waitIndex) => (
                <span key={waitIndex} className="hop-bar hop-wait" style={{ left: `${wait.leftPct}%`, width: `${wait.widthPct}%` }} title="waiting for redelivery" />
              ))}
              {row.attempts.map((attempt, attemptIndex) => (
                <Link
                  key={attempt.spanId}
                  className={`hop-bar ${attempt.error ? "hop-attempt-error" : "hop-attempt-ok"}`}
                  href={traceHref(attempt.traceId, attempt.spanId)}
                  style={{ left: `${attempt.leftPct}%`, width: `${attempt.widthPct}%` }}
                  title={`attempt ${attemptIndex + 1}${attempt.error ? ` failed${hop.attempts[attemptIndex]?.statusMessage ? `: ${hop.attempts[attemptIndex]?.statusMessage}` : ""}` : " ok"}`}
                >
                  <span className="visually-hidden">
                    Attempt {attemptIndex + 1} {attempt.error ? "failed" : "succeeded"}
                  </span>
                </Link>
              ))}
              {row.deadLetterPct !== null ? (
                <span className="dlq-mark hop-dlq" style={{ left: `${row.deadLetterPct}%` }} title={`dead-lettered${hop.deadLetter?.destination ? ` to ${hop.deadLetter.destination}` : ""} (${hop.deadLetter?.rule})`}>
                  ✕
                </span>
              ) : null}
            </div>
            <div role="cell" className="hop-outcome">
              <span className={outcomeBadge[hop.outcome]}>{hop.outcome}</span>
              <div className="small muted">
                {hop.dwellMs === null ? "dwell unknown" : `dwell ${formatMs(hop.dwellMs)}`}
                {hop.retries > 0 ? ` · ${hop.retries} retr${hop.retries === 1 ? "y" : "ies"}` : ""}
              </div>
              {hop.deadLetter?.destination ? <div className="small mono hop-dlq-destination">→ {hop.deadLetter.destination}</div> : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}

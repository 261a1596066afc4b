import Link from "next/link";
import { formatCount } from "@/lib/format/units";
import { eventFlowHref } from "@/lib/queries/flows";
import { traceHref } from "@/lib/queries/traces";
import type { EventFlowEdge } from "@/lib/traces/flow/build-event-flow";
import { formatMs, formatNanoInstant } from "@/app/traces/trace-format";

/** An edge's two ends as the graph draws them, and what happens along it. */
export function edgeSummary(edge: EventFlowEdge): { from: string; to: string; action: string } {
  const destination = edge.destination ?? "(unnamed destination)";
  if (edge.kind === "publish") return { from: edge.service, to: destination, action: "publishes" };
  if (edge.kind === "deliver") return { from: destination, to: edge.service, action: "delivered to" };
  return { from: edge.service, to: destination, action: `then publishes ${edge.eventType ?? "an uncatalogued message"}` };
}

/** The selected edge: its numbers, example traces (failed ones first) and where to look further. */
export function EdgeDetails({ edge, eventType, windowMinutes, onClose }: { edge: EventFlowEdge; eventType: string; windowMinutes: number; onClose: () => void }) {
  const { from, to, action } = edgeSummary(edge);
  const searchType = edge.eventType ?? eventType;
  return (
    <aside className="panel edge-details" aria-labelledby="edge-details-heading">
      <div>
        <h2 id="edge-details-heading" className="mono">
          {from} → {to}
        </h2>
        <p className="muted small">
          {from} {action} {to}
          {edge.system ? ` (${edge.system})` : ""}
        </p>
        <dl className="facts-list span-facts">
          <dt>{edge.kind === "deliver" ? "Deliveries" : "Messages"}</dt>
          <dd>{formatCount(edge.messages)}</dd>
          <dt>Failed</dt>
          <dd>{edge.failed > 0 ? <span className="badge badge-bad">{formatCount(edge.failed)}</span> : 0}</dd>
          {edge.kind === "deliver" ? (
            <>
              <dt>Publish → process</dt>
              <dd>{edge.p50Ms === null || edge.p95Ms === null ? <span className="muted">not measured (no publish span found)</span> : `p50 ${formatMs(edge.p50Ms)} · p95 ${formatMs(edge.p95Ms)}`}</dd>
            </>
          ) : null}
          <dt>Last seen</dt>
          <dd>{formatNanoInstant(edge.lastSeenAt)}</dd>
        </dl>
        <p className="edge-details-links small">
          <Link href={`/traces?${new URLSearchParams({ service: edge.service, eventType: searchType }).toString()}`}>Search these traces</Link>
          {edge.kind === "next" && edge.eventType ? <Link href={eventFlowHref(edge.eventType, { windowMinutes })}>Flow of {edge.eventType}</Link> : null}
        </p>
      </div>
      <div>
        <div className="edge-details-head">
          <h3 className="panel-title">Example traces</h3>
          <button type="button" className="button-small" onClick={onClose}>
            Close
          </button>
        </div>
        <ul className="link-list edge-examples" aria-label="Example traces">
          {edge.examples.map((example) => (
            <li key={`${example.traceId}/${example.spanId}`}>
              <Link className="mono" href={traceHref(example.traceId, example.spanId)}>
                {example.traceId}
              </Link>
              {example.failed ? <span className="badge badge-bad">failed</span> : null}
              <span className="small muted">
                {formatNanoInstant(example.startAt)}
                {example.latencyMs !== null ? ` · waited ${formatMs(example.latencyMs)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </aside>
  );
}

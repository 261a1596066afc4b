import { Fragment } from "react";
import Link from "next/link";
import { eventTypeHref } from "@/app/components/entity-links";
import { formatDurationNano } from "@/lib/format/units";
import { traceHref } from "@/lib/queries/traces";
import type { LinkedSpan } from "@/lib/traces/get-trace";
import type { ViewSpan } from "./trace-view-client";

const kinds = ["unspecified", "internal", "server", "client", "producer", "consumer"];
const statuses = ["unset", "ok", "error"];

interface SpanDetailsProps {
  span: ViewSpan;
  traceId: string;
  traceStart: bigint;
  linkedSpans: LinkedSpan[];
  onSelect: (spanId: string) => void;
  colorOf: (serviceName: string) => string;
}

/** The selected span: timing, status, messaging, links both ways (to other traces and back), attributes, events, resource. */
export function SpanDetails({ span, traceId, traceStart, linkedSpans, onSelect, colorOf }: SpanDetailsProps) {
  const error = span.statusCode === 2;
  const events = span.events.filter(isEvent);
  return (
    <aside className="span-details panel" aria-labelledby="span-details-title">
      <h2 id="span-details-title" className="span-details-title">
        <span className="svc-dot" style={{ background: colorOf(span.serviceName) }} aria-hidden="true" />
        {span.name}
      </h2>
      <dl className="facts-list span-facts">
        <dt>Service</dt>
        <dd>{span.serviceName}</dd>
        <dt>Duration</dt>
        <dd>
          {formatDurationNano(span.endNano - span.startNano)} <span className="muted">at +{formatDurationNano(span.startNano - traceStart)}</span>
        </dd>
        <dt>Kind</dt>
        <dd>{kinds[span.kind] ?? span.kind}</dd>
        <dt>Status</dt>
        <dd>
          <span className={error ? "badge badge-bad" : "badge"}>{statuses[span.statusCode] ?? span.statusCode}</span> {span.statusMessage ? <span className={error ? "inline-error" : ""}>{span.statusMessage}</span> : null}
        </dd>
        <dt>Span id</dt>
        <dd className="mono">{span.spanId}</dd>
        {span.parentSpanId ? (
          <>
            <dt>Parent</dt>
            <dd className="mono">
              <button type="button" className="link-button mono" onClick={() => onSelect(span.parentSpanId!)}>
                {span.parentSpanId}
              </button>
            </dd>
          </>
        ) : null}
        {span.messaging ? (
          <>
            <dt>Messaging</dt>
            <dd>
              <span className="badge">{span.messaging.role}</span> {span.messaging.system ?? "unknown system"}
              {span.messaging.destination ? (
                <>
                  {" "}
                  · <span className="mono">{span.messaging.destination}</span>
                </>
              ) : null}
            </dd>
            {span.messaging.eventType ? (
              <>
                <dt>Event type</dt>
                <dd>
                  <Link className="mono" href={eventTypeHref(span.messaging.eventType)}>
                    {span.messaging.eventType}
                  </Link>
                </dd>
              </>
            ) : null}
            {span.messaging.messageId ? (
              <>
                <dt>Message id</dt>
                <dd className="mono break">{span.messaging.messageId}</dd>
              </>
            ) : null}
            {span.messaging.consumerGroup ? (
              <>
                <dt>Consumer group</dt>
                <dd className="mono">{span.messaging.consumerGroup}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      <LinkList title="Links to" hint="spans this one follows from, e.g. the producer of its message" refs={span.linksTo} traceId={traceId} linkedSpans={linkedSpans} onSelect={onSelect} arrow="←" />
      <LinkList title="Linked from" hint="spans that follow from this one, e.g. consumers in their own traces" refs={span.linkedFrom} traceId={traceId} linkedSpans={linkedSpans} onSelect={onSelect} arrow="→" />
      <h3 className="panel-title">Attributes</h3>
      <KeyValues values={span.attributes} />
      {events.length > 0 ? (
        <>
          <h3 className="panel-title">Events</h3>
          <ol className="span-events">
            {events.map((event, index) => (
              <li key={index}>
                <span className="mono muted">+{formatDurationNano(BigInt(event.timeUnixNano) - span.startNano)}</span> <strong>{event.name}</strong>
                {Object.keys(event.attributes ?? {}).length > 0 ? <KeyValues values={event.attributes ?? {}} /> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <details className="span-resource">
        <summary className="panel-title">Resource</summary>
        <KeyValues values={span.resource} />
      </details>
    </aside>
  );
}

function LinkList(props: { title: string; hint: string; refs: { traceId: string; spanId: string }[]; traceId: string; linkedSpans: LinkedSpan[]; onSelect: (spanId: string) => void; arrow: string }) {
  if (props.refs.length === 0) return null;
  return (
    <>
      <h3 className="panel-title" title={props.hint}>
        {props.title} <span className="muted">({props.refs.length})</span>
      </h3>
      <ul className="link-list span-links">
        {props.refs.map((ref) => {
          const known = props.linkedSpans.find((linked) => linked.traceId === ref.traceId && linked.spanId === ref.spanId);
          const label = known ? `${known.serviceName}: ${known.name}` : "span not stored";
          const sameTrace = ref.traceId === props.traceId;
          return (
            <li key={`${ref.traceId}/${ref.spanId}`}>
              <span aria-hidden="true">{props.arrow} </span>
              {sameTrace ? (
                <button type="button" className="link-button" onClick={() => props.onSelect(ref.spanId)}>
                  {label} <span className="muted small">(this trace)</span>
                </button>
              ) : (
                <Link href={traceHref(ref.traceId, ref.spanId)}>
                  {label} <span className="mono muted small">in {ref.traceId.slice(0, 8)}…</span>
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function KeyValues({ values }: { values: Record<string, unknown> }) {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted small">none</p>;
  return (
    <table className="kv-table">
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th scope="row" className="mono">
              <BreakableKey attribute={key} />
            </th>
            <td className="mono">{typeof value === "string" ? value : JSON.stringify(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An attribute name that wraps after its dots and underscores (`messaging.` / `message.` / `id`) rather than mid-word. */
function BreakableKey({ attribute }: { attribute: string }) {
  return attribute.split(/(?<=[._])/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

interface StoredEvent {
  name: string;
  timeUnixNano: string;
  attributes?: Record<string, unknown>;
}

function isEvent(value: unknown): value is StoredEvent {
  return typeof value === "object" && value !== null && typeof (value as StoredEvent).name === "string" && /^\d+$/.test(String((value as StoredEvent).timeUnixNano));
}

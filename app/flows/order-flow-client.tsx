"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { Stat } from "@/app/components/stat";
import { orderFlowQueryOptions } from "@/lib/queries/flows";
import { traceHref } from "@/lib/queries/traces";
import { serviceColors } from "@/lib/traces/flow/waterfall-math";
import { FlowGraph } from "./flow-graph-client";
import { FlowHops } from "./flow-hops";

/** The order flow of one business key: summary, graph of services and destinations, hop timeline, traces. */
export function OrderFlowView({ flowKey, flowValue }: { flowKey: string; flowValue: string }) {
  const { data: flow, error, isFetching } = useQuery(orderFlowQueryOptions(flowKey, flowValue));
  const colorOf = useMemo(() => serviceColors(flow?.services ?? []), [flow]);
  if (error) return <p className="callout callout-bad" role="alert">Could not load the flow: {error.message}</p>;
  if (!flow) return <p className="muted">Stitching traces…</p>;
  if (flow.traceIds.length === 0) {
    return (
      <div className="empty">
        <strong>
          No trace carries <span className="mono">{`${flowKey} = ${flowValue}`}</span>.
        </strong>
        Business keys are read from span attributes configured in EVENTSCOPE_BUSINESS_KEYS. Try <Link href={`/traces?key=${encodeURIComponent(flowKey)}`}>recent traces with {flowKey}</Link>.
      </div>
    );
  }
  const deadLettered = flow.hops.filter((hop) => hop.outcome === "dead-lettered").length;
  const failed = flow.hops.filter((hop) => hop.outcome === "error").length;
  const retries = flow.hops.reduce((sum, hop) => sum + hop.retries, 0);
  return (
    <>
      <div className="stats flow-stats" aria-live="polite">
        <Stat label="Traces" value={flow.traceIds.length} />
        <Stat label="Services" value={flow.services.length} />
        <Stat label="Hops" value={flow.hops.length} />
        <Stat label="Retries" value={retries} tone={retries > 0 ? "warn" : undefined} />
        <Stat label="Failed" value={failed} tone={failed > 0 ? "bad" : undefined} />
        <Stat label="Dead-lettered" value={deadLettered} tone={deadLettered > 0 ? "bad" : undefined} />
      </div>
      {flow.truncated ? <p className="callout small">This key touches more traces than one flow shows; the flow below stops at the first 200.</p> : null}
      <div className="section-head">
        <h2>Graph</h2>
        <span className="muted small">{isFetching ? "Refreshing…" : "Services as nodes, broker destinations between them; edges carry the event type."}</span>
      </div>
      <FlowGraph flow={flow} colorOf={colorOf} />
      <div className="section-head">
        <h2>Hops</h2>
        <span className="muted small flow-legend">
          <span className="legend-swatch swatch-publish" /> publish <span className="legend-swatch swatch-dwell" /> broker dwell <span className="legend-swatch swatch-ok" /> processed{" "}
          <span className="legend-swatch swatch-error" /> failed attempt <span className="legend-swatch swatch-wait" /> retry wait <span className="dlq-mark">✕</span> dead-lettered
        </span>
      </div>
      <FlowHops hops={flow.hops} colorOf={colorOf} />
      <h2>Traces</h2>
      <ul className="link-list flow-traces">
        {flow.traceIds.map((traceId) => {
          const services = [...new Set(flow.hops.flatMap((hop) => [hop.publish?.traceId === traceId ? hop.producer : null, ...hop.attempts.filter((attempt) => attempt.traceId === traceId).map(() => hop.consumer)]))].filter(
            (service): service is string => !!service,
          );
          return (
            <li key={traceId}>
              <Link className="mono" href={traceHref(traceId)}>
                {traceId}
              </Link>{" "}
              {services.map((service) => (
                <span key={service} className="legend-item small">
                  <span className="svc-dot" style={{ background: colorOf(service) }} aria-hidden="true" />
                  {service}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
    </>
  );
}

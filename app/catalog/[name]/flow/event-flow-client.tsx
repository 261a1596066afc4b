"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { FlowCanvas } from "@/app/components/flow-canvas-client";
import { formatStartTime } from "@/app/traces/trace-format";
import { Stat } from "@/app/components/stat";
import { lagWindowLabels } from "@/lib/lag/lag-window";
import { eventFlowHref, eventFlowQueryOptions } from "@/lib/queries/flows";
import { layoutGraph } from "@/lib/traces/flow/layout-flow-graph";
import { serviceColors } from "@/lib/traces/flow/waterfall-math";
import { EdgeDetails } from "./edge-details";
import { EdgeTable } from "./edge-table";

/** The event flow: summary, the graph, the selected edge's numbers and example traces (`?edge=`), and every edge as a table. */
export function EventFlowView({ name, windowMinutes }: { name: string; windowMinutes: number }) {
  const { data: flow, error, isFetching } = useQuery(eventFlowQueryOptions(name, windowMinutes));
  const searchParams = useSearchParams();
  const graph = useMemo(() => (flow ? layoutGraph(flow.nodes, flow.edges) : null), [flow]);
  const colorOf = useMemo(() => serviceColors((graph?.nodes ?? []).filter((node) => node.kind === "service").map((node) => node.label)), [graph]);
  const canvasEdges = useMemo(() => (flow?.edges ?? []).map((edge) => ({ ...edge, errors: edge.failed })), [flow]);
  const select = useCallback((edgeId: string | null) => window.history.replaceState(null, "", eventFlowHref(name, { windowMinutes, edge: edgeId })), [name, windowMinutes]);

  if (error) return <p className="callout callout-bad" role="alert">Could not load the flow: {error.message}</p>;
  if (!flow || !graph) return <p className="muted">Aggregating spans…</p>;
  if (flow.edges.length === 0) {
    return (
      <div className="empty">
        <strong>
          No <span className="mono">{name}</span> messages in the last {lagWindowLabels[windowMinutes]}.
        </strong>
        The flow appears once services send messaging spans for this event type to <span className="mono">/v1/traces</span>.{" "}
        {windowMinutes < 1440 ? <Link href={eventFlowHref(name, { windowMinutes: 1440 })}>Look at the last 24 hours</Link> : null}
      </div>
    );
  }
  const selected = flow.edges.find((edge) => edge.id === searchParams.get("edge")) ?? null;
  const { summary } = flow;
  return (
    <>
      {flow.coveredSince ? (
        <p className="callout small">
          The last {lagWindowLabels[windowMinutes]} holds more <span className="mono">{name}</span> spans than one flow aggregates: this flow covers the newest, since {formatStartTime(flow.coveredSince)}.
        </p>
      ) : null}
      <div className="stats event-flow-stats" aria-live="polite">
        <Stat label="Producers" value={summary.producers} />
        <Stat label="Published" value={summary.published} />
        <Stat label="Consumers" value={summary.consumers} />
        <Stat label="Deliveries" value={summary.delivered} />
        <Stat label="Failed deliveries" value={summary.failedDeliveries} tone={summary.failedDeliveries > 0 ? "bad" : undefined} />
      </div>
      <div className="section-head">
        <h2>Graph</h2>
        <span className="muted small">{isFetching ? "Refreshing…" : "Select an edge for its latency and example traces; a service opens its traces."}</span>
      </div>
      <FlowCanvas
        nodes={graph.nodes}
        edges={canvasEdges}
        routes={graph.routes}
        graphHeight={graph.height}
        colorOf={colorOf}
        selectedEdgeId={selected?.id}
        onEdgeClick={select}
      />
      {selected ? (
        <EdgeDetails edge={selected} eventType={name} windowMinutes={windowMinutes} onClose={() => select(null)} />
      ) : (
        <p className="muted small edge-hint">No edge selected: click one in the graph, or choose one in the table below.</p>
      )}
      <h2 id="edges-heading">Edges</h2>
      <EdgeTable edges={flow.edges} selectedId={selected?.id ?? null} onSelect={select} />
    </>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { formatCount, formatDurationNano, formatInstant, unixNanoToDate } from "@/lib/format/units";
import { flowHref } from "@/lib/queries/flows";
import { traceDetailQueryOptions, traceHref } from "@/lib/queries/traces";
import { criticalPath } from "@/lib/traces/flow/critical-path";
import { ancestorsOf, buildSpanTree, visibleRows } from "@/lib/traces/flow/span-tree";
import { serviceColors } from "@/lib/traces/flow/waterfall-math";
import type { TraceSpan } from "@/lib/traces/get-trace";
import { SpanDetails } from "./span-details";
import { Waterfall } from "./waterfall-client";

/** A stored span with its times as bigints, as the tree math wants them. */
export type ViewSpan = TraceSpan & { startNano: bigint; endNano: bigint };

/** The trace view: header, waterfall and span details; the selected span lives in the URL (`?span=`). */
export function TraceView({ traceId }: { traceId: string }) {
  const { data, error } = useQuery(traceDetailQueryOptions(traceId));
  const searchParams = useSearchParams();
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [showCritical, setShowCritical] = useState(true);

  const tree = useMemo(() => buildSpanTree<ViewSpan>((data?.spans ?? []).map((span) => ({ ...span, startNano: BigInt(span.startTimeUnixNano), endNano: BigInt(span.endTimeUnixNano) }))), [data]);
  const segments = useMemo(() => criticalPath(tree), [tree]);
  const requested = searchParams.get("span");
  const selectedId = requested && tree.nodes.has(requested) ? requested : (tree.roots[0] ?? null);
  // A span chosen from a link is shown even when one of its ancestors is collapsed.
  const effectiveCollapsed = useMemo(() => {
    if (!selectedId) return collapsed;
    const open = new Set(collapsed);
    for (const ancestor of ancestorsOf(tree, selectedId)) open.delete(ancestor);
    return open;
  }, [collapsed, selectedId, tree]);
  const rows = useMemo(() => visibleRows(tree, effectiveCollapsed), [tree, effectiveCollapsed]);

  const select = useCallback(
    (spanId: string) => {
      window.history.replaceState(null, "", traceHref(traceId, spanId));
    },
    [traceId],
  );
  const toggle = useCallback((spanId: string, open?: boolean) => {
    setCollapsed((current) => {
      const next = new Set(current);
      const collapse = open === undefined ? !next.has(spanId) : !open;
      if (collapse) next.add(spanId);
      else next.delete(spanId);
      return next;
    });
  }, []);

  if (error) return <p className="callout callout-bad" role="alert">Could not load the trace: {error.message}</p>;
  if (!data) return <p className="muted">Loading the trace…</p>;

  const root = tree.roots[0] ? tree.nodes.get(tree.roots[0])!.span : undefined;
  const services = [...new Set(data.spans.map((span) => span.serviceName))].sort();
  const colorOf = serviceColors(services);
  const errors = data.spans.filter((span) => span.statusCode === 2).length;
  const linkedTraces = linkedTraceIds(data.spans, traceId);
  const selected = selectedId ? tree.nodes.get(selectedId)?.span : undefined;

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link href="/traces">Traces</Link> <span aria-hidden="true">/</span> <span className="mono">{traceId}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>
            {root?.serviceName}: {root?.name}
          </h1>
          <p className="head-meta muted">
            <span>{formatInstant(unixNanoToDate(tree.startNano))}</span>
            <span aria-hidden="true">·</span>
            <span>{formatDurationNano(tree.endNano - tree.startNano)}</span>
            <span aria-hidden="true">·</span>
            <span>
              {formatCount(data.spans.length)} span{data.spans.length === 1 ? "" : "s"}
            </span>
            {errors > 0 ? <span className="badge badge-bad">{errors} error{errors === 1 ? "" : "s"}</span> : null}
          </p>
        </div>
        <div className="page-actions">
          {data.keys.map((key) => (
            <Link key={`${key.key}=${key.value}`} className="button" href={flowHref(key.key, key.value)}>
              Order flow: <span className="mono">{key.key}={key.value}</span>
            </Link>
          ))}
        </div>
      </div>
      <div className="trace-legend" aria-label="Services">
        {services.map((service) => (
          <span key={service} className="legend-item">
            <span className="svc-dot" style={{ background: colorOf(service) }} aria-hidden="true" />
            {service}
          </span>
        ))}
        {linkedTraces.length > 0 ? (
          <span className="legend-links">
            Linked traces:{" "}
            {linkedTraces.map((linked) => (
              <Link key={linked.traceId} className="mono" href={traceHref(linked.traceId, linked.spanId)} title={linked.direction === "out" ? "This trace links to it" : "It links to this trace"}>
                {linked.direction === "out" ? "← " : "→ "}
                {linked.traceId.slice(0, 8)}
              </Link>
            ))}
          </span>
        ) : null}
        <label className="trace-check legend-toggle">
          <input type="checkbox" checked={showCritical} onChange={(event) => setShowCritical(event.target.checked)} /> Critical path
        </label>
      </div>
      <div className="trace-layout">
        <Waterfall tree={tree} rows={rows} colorOf={colorOf} selectedId={selectedId} onSelect={select} onToggle={toggle} segments={showCritical ? segments : []} />
        {selected ? <SpanDetails span={selected} traceId={traceId} traceStart={tree.startNano} linkedSpans={data.linkedSpans} onSelect={select} colorOf={colorOf} /> : null}
      </div>
    </>
  );
}

/** Other traces this one links to (producers, "out") or that link to it (consumers, "in"), one entry each. */
function linkedTraceIds(spans: TraceSpan[], traceId: string): { traceId: string; spanId: string; direction: "in" | "out" }[] {
  const found = new Map<string, { traceId: string; spanId: string; direction: "in" | "out" }>();
  for (const span of spans) {
    for (const ref of span.linksTo) if (ref.traceId !== traceId && !found.has(ref.traceId)) found.set(ref.traceId, { ...ref, direction: "out" });
    for (const ref of span.linkedFrom) if (ref.traceId !== traceId && !found.has(ref.traceId)) found.set(ref.traceId, { ...ref, direction: "in" });
  }
  return [...found.values()];
}

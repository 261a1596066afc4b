"use client";

import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { formatDurationNano } from "@/lib/format/units";
import type { CriticalSegment } from "@/lib/traces/flow/critical-path";
import type { SpanTree, WaterfallRow } from "@/lib/traces/flow/span-tree";
import { barGeometry, timeTicks, visibleWindow } from "@/lib/traces/flow/waterfall-math";
import type { ViewSpan } from "./trace-view-client";

const rowHeight = 26;
const defaultViewport = 560;

interface WaterfallProps {
  tree: SpanTree<ViewSpan>;
  rows: WaterfallRow[];
  /** The colour of each of the trace's services. */
  colorOf: (serviceName: string) => string;
  selectedId: string | null;
  onSelect: (spanId: string) => void;
  onToggle: (spanId: string, open?: boolean) => void;
  segments: CriticalSegment[];
}

/**
 * The span tree with time bars. Only the rows in view are rendered (fixed row height), so a
 * 5,000-span trace scrolls smoothly. Keyboard: ↑/↓ move, ←/→ collapse/expand or go to the
 * parent/first child, Home/End jump, Space toggles.
 */
export function Waterfall({ tree, rows, colorOf, selectedId, onSelect, onToggle, segments }: WaterfallProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ scrollTop: 0, height: defaultViewport });
  const { first, last } = visibleWindow({ scrollTop: view.scrollTop, viewportHeight: view.height, rowHeight, rowCount: rows.length });
  const segmentsBySpan = useMemo(() => {
    const map = new Map<string, CriticalSegment[]>();
    for (const segment of segments) map.set(segment.spanId, [...(map.get(segment.spanId) ?? []), segment]);
    return map;
  }, [segments]);
  const selectedIndex = rows.findIndex((row) => row.spanId === selectedId);
  const duration = tree.endNano - tree.startNano;

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setView((current) => ({ ...current, height: element.clientHeight })));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Keep the selected row in view (after keyboard moves, and when a link selected a span far down).
  // The rows in view are rendered from `view`, so it follows the scroll at once, not on the scroll event.
  useEffect(() => {
    const element = scroller.current;
    if (!element || selectedIndex < 0) return;
    const top = selectedIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top - element.clientHeight + rowHeight * 3;
    setView({ scrollTop: element.scrollTop, height: element.clientHeight });
  }, [selectedIndex]);

  // A keyboard move takes the focus along, once the selected row is rendered: a jump far down
  // unmounts the row that had it.
  const focusFollowsSelection = useRef(false);
  useEffect(() => {
    if (!focusFollowsSelection.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-span-id="${selectedId}"]`);
    if (!row) return;
    row.focus({ preventScroll: true });
    focusFollowsSelection.current = false;
  }, [selectedId, first, last]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (selectedIndex < 0) return;
    const row = rows[selectedIndex]!;
    const select = (spanId: string) => {
      focusFollowsSelection.current = spanId !== row.spanId;
      onSelect(spanId);
    };
    const move = (index: number) => select(rows[Math.max(0, Math.min(rows.length - 1, index))]!.spanId);
    const handled = () => event.preventDefault();
    switch (event.key) {
      case "ArrowDown":
        handled();
        move(selectedIndex + 1);
        break;
      case "ArrowUp":
        handled();
        move(selectedIndex - 1);
        break;
      case "Home":
        handled();
        move(0);
        break;
      case "End":
        handled();
        move(rows.length - 1);
        break;
      case "ArrowRight":
        handled();
        if (row.collapsed) onToggle(row.spanId, true);
        else if (row.hasChildren) move(selectedIndex + 1);
        break;
      case "ArrowLeft": {
        handled();
        const parent = tree.nodes.get(row.spanId)?.parentSpanId;
        if (row.hasChildren && !row.collapsed) onToggle(row.spanId, false);
        else if (parent) select(parent);
        break;
      }
      case " ":
        if (row.hasChildren) {
          handled();
          onToggle(row.spanId);
        }
        break;
    }
  };

  return (
    <div className="waterfall">
      <div className="waterfall-head" aria-hidden="true">
        <div className="waterfall-name-col">Service · operation</div>
        <div className="waterfall-track">
          {timeTicks(duration, 4).map((tick, index) => (
            <span key={index} className="waterfall-tick" style={{ left: `${index * 25}%` }}>
              {formatDurationNano(tick)}
            </span>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        className="waterfall-scroll"
        role="tree"
        aria-label="Spans of the trace"
        onScroll={(event) => setView({ scrollTop: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })}
        onKeyDown={onKeyDown}
      >
        <div className="waterfall-canvas" style={{ height: rows.length * rowHeight }}>
          {rows.slice(first, last + 1).map((row, offset) => {
            const node = tree.nodes.get(row.spanId)!;
            const span = node.span;
            const bar = barGeometry(span.startNano, span.endNano, tree.startNano, tree.endNano);
            const isSelected = row.spanId === selectedId;
            const links = span.linksTo.length + span.linkedFrom.length;
            const error = span.statusCode === 2;
            return (
              <div
                key={row.spanId}
                data-span-id={row.spanId}
                role="treeitem"
                aria-level={row.depth + 1}
                aria-expanded={row.hasChildren ? !row.collapsed : undefined}
                aria-selected={isSelected}
                aria-label={`${span.serviceName} ${span.name}, ${formatDurationNano(span.endNano - span.startNano)}${error ? ", error" : ""}`}
                tabIndex={isSelected || (selectedIndex < 0 && first + offset === 0) ? 0 : -1}
                className={`waterfall-row${isSelected ? " is-selected" : ""}${error ? " is-error" : ""}`}
                style={{ top: (first + offset) * rowHeight, height: rowHeight }}
                onClick={() => onSelect(row.spanId)}
              >
                <div className="waterfall-name-col" style={{ paddingLeft: 6 + Math.min(row.depth, 24) * 14 }}>
                  {row.hasChildren ? (
                    <button
                      type="button"
                      tabIndex={-1}
                      className="waterfall-toggle"
                      aria-label={row.collapsed ? `Expand (${row.hiddenCount} hidden)` : "Collapse"}
                      onClick={(event) => {
                        event.stopPropagation();
                        onToggle(row.spanId);
                      }}
                    >
                      {row.collapsed ? "▸" : "▾"}
                    </button>
                  ) : (
                    <span className="waterfall-toggle-space" />
                  )}
                  <span className="svc-dot" style={{ background: colorOf(span.serviceName) }} aria-hidden="true" />
                  <span className="waterfall-service">{span.serviceName}</span>
                  <span className="waterfall-op">{span.name}</span>
                  {row.collapsed ? <span className="badge">+{row.hiddenCount}</span> : null}
                  {links > 0 ? (
                    <span className="waterfall-link-mark" title={`${links} span link${links === 1 ? "" : "s"}`}>
                      ⇄{links}
                    </span>
                  ) : null}
                </div>
                <div className="waterfall-track">
                  <span className="waterfall-bar" style={{ left: `${bar.leftPct}%`, width: `${bar.widthPct}%`, background: colorOf(span.serviceName) }} />
                  {(segmentsBySpan.get(row.spanId) ?? []).map((segment, index) => {
                    const geometry = barGeometry(segment.startNano, segment.endNano, tree.startNano, tree.endNano);
                    return <span key={index} className="waterfall-critical" style={{ left: `${geometry.leftPct}%`, width: `${geometry.widthPct}%` }} />;
                  })}
                  <span className="waterfall-duration" style={durationLabelStyle(bar.leftPct, bar.widthPct)}>
                    {formatDurationNano(span.endNano - span.startNano)}
                  </span>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The duration label sits right of its bar, or left of it when the bar reaches the track's end. */
function durationLabelStyle(leftPct: number, widthPct: number): CSSProperties {
  if (leftPct + widthPct < 82) return { left: `${leftPct + widthPct + 0.5}%` };
  if (leftPct > 18) return { right: `${100 - leftPct + 0.5}%` };
  return { right: `${100 - leftPct - widthPct + 0.5}%`, color: "var(--panel)", fontWeight: 600 };
}

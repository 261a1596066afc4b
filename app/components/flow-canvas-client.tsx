"use client";

import { Background, BaseEdge, Controls, MarkerType, Position, ReactFlow, type Edge, type EdgeProps, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useRouter } from "next/navigation";
import { useMemo, useSyncExternalStore, type KeyboardEvent } from "react";
import type { EdgeRoute, FlowGraphNode } from "@/lib/traces/flow/layout-flow-graph";
import { traceSearchQueryString } from "@/lib/traces/query/trace-search-params";

/** An edge as the canvas draws it: red when messages on it failed, dashed into a dead-letter destination. */
export interface FlowCanvasEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  errors: number;
  deadLetter: boolean;
}

interface FlowCanvasProps {
  nodes: FlowGraphNode[];
  edges: FlowCanvasEdge[];
  /** Each edge's path and label position, as the layout routed it. */
  routes: Map<string, EdgeRoute>;
  /** The laid-out graph's height; the canvas grows with it, within bounds. */
  graphHeight: number;
  /** The colour of each service the page shows (the same on its graph, hops and lists). */
  colorOf: (serviceName: string) => string;
  selectedEdgeId?: string | null;
  onEdgeClick?: (edgeId: string) => void;
}

/**
 * A graph of services and broker destinations laid out and routed by dagre: the order flow's and the event
 * flow's. A service node opens that service's traces (click or Enter); edges are named by their ends for assistive technology.
 */
export function FlowCanvas({ nodes, edges, routes, graphHeight, colorOf, selectedEdgeId, onEdgeClick }: FlowCanvasProps) {
  const router = useRouter();
  const prefersDark = usePrefersDark();
  const flowNodes = useMemo<Node[]>(
    () =>
      nodes.map((node) => ({
        id: node.id,
        position: { x: node.x, y: node.y },
        data: { label: <NodeLabel node={node} /> },
        width: node.width,
        height: node.height,
        sourcePosition: Position.Right,
        targetPosition: Position.Left,
        draggable: false,
        connectable: false,
        className: `flow-node flow-node-${node.kind}${node.deadLetter ? " flow-node-dlq" : ""}${node.errors > 0 ? " flow-node-errors" : ""}`,
        style: node.kind === "service" ? { width: node.width, height: node.height, borderLeftColor: colorOf(node.label) } : { width: node.width, height: node.height },
        ariaLabel: `${node.kind === "service" ? "Service" : "Destination"} ${node.label}${node.errors > 0 ? `, ${node.errors} failed` : ""}`,
      })),
    [nodes, colorOf],
  );
  const flowEdges = useMemo<Edge[]>(() => {
    const labels = new Map(nodes.map((node) => [node.id, node.label]));
    return edges.map((edge) => {
      const selected = edge.id === selectedEdgeId;
      const tone = selected ? "var(--accent)" : edge.deadLetter || edge.errors > 0 ? "var(--bad)" : "var(--muted)";
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.label,
        ariaLabel: `Edge from ${labels.get(edge.source)} to ${labels.get(edge.target)}${edge.label ? `: ${edge.label}` : ""}`,
        type: "routed",
        data: { route: routes.get(edge.id) },
        selected,
        className: `flow-edge${edge.deadLetter ? " flow-edge-dlq" : ""}${edge.errors > 0 ? " flow-edge-errors" : ""}${selected ? " flow-edge-selected" : ""}${onEdgeClick ? " flow-edge-clickable" : ""}`,
        markerEnd: { type: MarkerType.ArrowClosed, color: tone, width: 16, height: 16 },
        style: { stroke: tone, strokeWidth: selected ? 2.5 : 1.5, ...(edge.deadLetter ? { strokeDasharray: "5 4" } : {}) },
        labelBgPadding: [6, 3] as [number, number],
        labelBgBorderRadius: 4,
      };
    });
  }, [nodes, edges, routes, selectedEdgeId, onEdgeClick]);
  const height = Math.min(Math.max(graphHeight + 40, 220), 560);
  const openService = (nodeId: string) => {
    if (nodeId.startsWith("service:")) router.push(`/traces${traceSearchQueryString({ service: nodeId.slice("service:".length) })}`);
  };
  // Enter on a focused node or edge does what a click does (React Flow only selects it).
  const openFocused = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Enter" || !(event.target instanceof Element)) return;
    const nodeId = event.target.closest(".react-flow__node")?.getAttribute("data-id");
    const edgeId = event.target.closest(".react-flow__edge")?.getAttribute("data-id");
    if (nodeId) openService(nodeId);
    else if (edgeId && onEdgeClick) onEdgeClick(edgeId);
  };
  return (
    <div className="flow-graph" style={{ height }} data-testid="flow-graph" onKeyDown={openFocused}>
      <ReactFlow
        nodes={flowNodes}
        edges={flowEdges}
        edgeTypes={edgeTypes}
        fitView
        fitViewOptions={{ padding: 0.06, maxZoom: 1.1 }}
        minZoom={0.2}
        nodesConnectable={false}
        nodesDraggable={false}
        elementsSelectable
        colorMode={prefersDark ? "dark" : "light"}
        proOptions={{ hideAttribution: false }}
        onNodeClick={(_, node) => openService(node.id)}
        onEdgeClick={onEdgeClick ? (_, edge) => onEdgeClick(edge.id) : undefined}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} orientation="horizontal" position="top-right" />
      </ReactFlow>
    </div>
  );
}

/** An edge drawn along the layout's route: a smooth curve through its points, the label where the layout left room. */
function RoutedEdge({ id, data, label, markerEnd, style, labelBgPadding, labelBgBorderRadius, interactionWidth }: EdgeProps<Edge<{ route?: EdgeRoute }>>) {
  const route = data?.route;
  if (!route || route.points.length < 2) return null;
  return (
    <BaseEdge
      id={id}
      path={smoothPath(route.points)}
      label={route.labelAt ? label : undefined}
      labelX={route.labelAt?.x}
      labelY={route.labelAt?.y}
      labelBgPadding={labelBgPadding}
      labelBgBorderRadius={labelBgBorderRadius}
      markerEnd={markerEnd}
      style={style}
      interactionWidth={interactionWidth}
    />
  );
}

const edgeTypes = { routed: RoutedEdge };

/**
 * A uniform cubic B-spline through the route's points, pinned to its first and last point: it
 * bends smoothly at the layout's bend points and still meets the nodes' borders.
 */
function smoothPath(points: { x: number; y: number }[]): string {
  const [first, second] = points as [{ x: number; y: number }, { x: number; y: number }];
  if (points.length === 2) return `M${first.x},${first.y}L${second.x},${second.y}`;
  let path = `M${first.x},${first.y}L${(5 * first.x + second.x) / 6},${(5 * first.y + second.y) / 6}`;
  let [a, b] = [first, second];
  for (const c of [...points.slice(2), points[points.length - 1]!]) {
    path += `C${(2 * a.x + b.x) / 3},${(2 * a.y + b.y) / 3} ${(a.x + 2 * b.x) / 3},${(a.y + 2 * b.y) / 3} ${(a.x + 4 * b.x + c.x) / 6},${(a.y + 4 * b.y + c.y) / 6}`;
    [a, b] = [b, c];
  }
  return `${path}L${b.x},${b.y}`;
}

const darkQuery = "(prefers-color-scheme: dark)";

/**
 * The OS colour scheme. The server renders light and the browser switches after hydration;
 * React Flow's own `colorMode="system"` reads it during the first render and mismatches.
 */
function usePrefersDark(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(darkQuery);
      query.addEventListener("change", onChange);
      return () => query.removeEventListener("change", onChange);
    },
    () => window.matchMedia(darkQuery).matches,
    () => false,
  );
}

function NodeLabel({ node }: { node: FlowGraphNode }) {
  if (node.kind === "service") {
    return (
      <div className="flow-node-inner" title={`Traces of ${node.label}`}>
        <span className="flow-node-name">{node.label}</span>
        <span className="flow-node-detail">{node.detail ?? (node.errors > 0 ? `${node.errors} failed` : "service")}</span>
      </div>
    );
  }
  return (
    <div className="flow-node-inner">
      <span className="flow-node-name mono">{node.label}</span>
      <span className="flow-node-detail">{node.deadLetter ? `dead letters · ${node.detail ?? "broker"}` : (node.detail ?? "broker")}</span>
    </div>
  );
}

"use client";

import { Background, Controls, MarkerType, Position, ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import type { OrderFlow } from "@/lib/traces/flow/flow-types";
import { layoutFlowGraph, type FlowGraphNode } from "@/lib/traces/flow/layout-flow-graph";
import { serviceColor } from "@/lib/traces/flow/waterfall-math";

/** The order flow as a directed graph laid out by dagre; a service node opens that service's traces. */
export function FlowGraph({ flow }: { flow: OrderFlow }) {
  const router = useRouter();
  const graph = useMemo(() => layoutFlowGraph(flow), [flow]);
  const nodes = useMemo<Node[]>(
    () =>
      graph.nodes.map((node) => ({
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
        style: node.kind === "service" ? { width: node.width, height: node.height, borderLeftColor: serviceColor(node.label) } : { width: node.width, height: node.height },
        ariaLabel: `${node.kind === "service" ? "Service" : "Destination"} ${node.label}${node.errors > 0 ? `, ${node.errors} failed` : ""}`,
      })),
    [graph],
  );
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((edge) => {
        const tone = edge.deadLetter || edge.errors > 0 ? "var(--bad)" : "var(--muted)";
        return {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          label: edge.label,
          type: "smoothstep",
          className: `flow-edge${edge.deadLetter ? " flow-edge-dlq" : ""}${edge.errors > 0 ? " flow-edge-errors" : ""}`,
          markerEnd: { type: MarkerType.ArrowClosed, color: tone, width: 16, height: 16 },
          style: { stroke: tone, strokeWidth: 1.5, ...(edge.deadLetter ? { strokeDasharray: "5 4" } : {}) },
          labelBgPadding: [6, 3] as [number, number],
          labelBgBorderRadius: 4,
        };
      }),
    [graph],
  );
  const height = Math.min(Math.max(graph.height + 40, 220), 560);
  return (
    <div className="flow-graph" style={{ height }} data-testid="flow-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
        minZoom={0.2}
        nodesConnectable={false}
        nodesDraggable={false}
        elementsSelectable
        colorMode="system"
        proOptions={{ hideAttribution: false }}
        onNodeClick={(_, node) => {
          if (node.id.startsWith("service:")) router.push(`/traces?service=${encodeURIComponent(node.id.slice("service:".length))}`);
        }}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function NodeLabel({ node }: { node: FlowGraphNode }) {
  if (node.kind === "service") {
    return (
      <div className="flow-node-inner" title={`Traces of ${node.label}`}>
        <span className="flow-node-name">{node.label}</span>
        <span className="flow-node-detail">{node.errors > 0 ? `${node.errors} failed` : "service"}</span>
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

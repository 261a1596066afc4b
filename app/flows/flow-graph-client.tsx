"use client";

import { useMemo } from "react";
import { FlowCanvas } from "@/app/components/flow-canvas-client";
import type { OrderFlow } from "@/lib/traces/flow/flow-types";
import { layoutFlowGraph } from "@/lib/traces/flow/layout-flow-graph";

/** The order flow as a directed graph laid out by dagre; a service node opens that service's traces. */
export function FlowGraph({ flow, colorOf }: { flow: OrderFlow; colorOf: (serviceName: string) => string }) {
  const graph = useMemo(() => layoutFlowGraph(flow), [flow]);
  return <FlowCanvas nodes={graph.nodes} edges={graph.edges} routes={graph.routes} graphHeight={graph.height} colorOf={colorOf} />;
}

import dagre from "dagre";
import { isDeadLetterDestination } from "./dead-letter-rules";
import type { OrderFlow } from "./flow-types";

/** A node of the order-flow graph, positioned (top-left corner) by dagre. */
export interface FlowGraphNode {
  id: string;
  kind: "service" | "destination";
  label: string;
  /** The broker system of a destination; the outcome summary of a service. */
  detail: string | null;
  deadLetter: boolean;
  /** Messages that ended badly at (service) or passed through (destination) this node. */
  errors: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An edge: service → destination (a publish) or destination → service (a delivery). */
export interface FlowGraphEdge {
  id: string;
  source: string;
  target: string;
  /** Event type (and version) for publishes; message count for deliveries. */
  label: string;
  count: number;
  errors: number;
  deadLetter: boolean;
}

export const flowNodeSize = { service: { width: 150, height: 44 }, destination: { width: 150, height: 38 } } as const;

export const serviceNodeId = (name: string) => `service:${name}`;
export const destinationNodeId = (system: string | null, destination: string | null) => `destination:${system ?? ""}:${destination ?? "(unnamed)"}`;

/** The event type label of an edge: `order.placed v2`, or the destination when the type is unknown. */
export function eventLabel(eventType: string | null, eventVersion: string | null, destination: string | null): string {
  const name = eventType ?? destination ?? "message";
  return eventVersion ? `${name} v${eventVersion.replace(/^v/i, "")}` : name;
}

/**
 * The order flow as a left-to-right graph: services as nodes, broker destinations between them,
 * publish edges labelled with the event type (and version), delivery edges with their message
 * count (when more than one) and failures; laid out by dagre. Services without any messaging edge are shown only when the
 * flow has no edges at all.
 */
export function layoutFlowGraph(flow: Pick<OrderFlow, "services" | "edges" | "hops">): { nodes: FlowGraphNode[]; edges: FlowGraphEdge[]; routes: Map<string, EdgeRoute>; width: number; height: number } {
  const nodes = new Map<string, Omit<FlowGraphNode, "x" | "y">>();
  const edges = new Map<string, FlowGraphEdge & { publishes?: Set<string> }>();
  const addService = (name: string) => {
    if (!nodes.has(serviceNodeId(name))) nodes.set(serviceNodeId(name), { id: serviceNodeId(name), kind: "service", label: name, detail: null, deadLetter: false, errors: 0, ...flowNodeSize.service });
    return serviceNodeId(name);
  };
  const addDestination = (system: string | null, destination: string | null) => {
    const id = destinationNodeId(system, destination);
    if (!nodes.has(id)) {
      nodes.set(id, { id, kind: "destination", label: destination ?? "(unnamed destination)", detail: system, deadLetter: isDeadLetterDestination(destination), errors: 0, ...flowNodeSize.destination });
    }
    return id;
  };
  // Publish edges are one per event type; delivery edges one per destination → consumer (labelled below).
  const addEdge = (source: string, target: string, label: string, deadLetter: boolean) => {
    const id = source.startsWith("destination:") ? `${source}->${target}` : `${source}->${target}|${label}`;
    const edge = edges.get(id) ?? { id, source, target, label, count: 0, errors: 0, deadLetter };
    edges.set(id, edge);
    return edge;
  };

  for (const edge of flow.edges) {
    const destination = addDestination(edge.system, edge.destination);
    const label = eventLabel(edge.eventType, edge.eventVersion, edge.destination);
    if (edge.from !== null && edge.to === null) {
      // Published, no consumer seen: every message counts once on the publish edge.
      const publish = addEdge(addService(edge.from), destination, label, edge.deadLetter);
      publish.count += edge.count;
      publish.errors += edge.errors;
    }
    if (edge.to !== null) {
      const delivery = addEdge(destination, addService(edge.to), "", edge.deadLetter);
      delivery.count += edge.count;
      delivery.errors += edge.errors;
      nodes.get(destination)!.errors += edge.errors;
      nodes.get(serviceNodeId(edge.to))!.errors += edge.errors;
    }
  }
  // Publish edges of delivered messages count each message once, however many consumers it had.
  for (const hop of flow.hops) {
    if (hop.producer === null || hop.publish === null) continue;
    const publish = addEdge(addService(hop.producer), addDestination(hop.system, hop.destination), eventLabel(hop.eventType, hop.eventVersion, hop.destination), isDeadLetterDestination(hop.destination));
    publish.publishes ??= new Set();
    if (!publish.publishes.has(`${hop.publish.traceId}/${hop.publish.spanId}`)) {
      publish.publishes.add(`${hop.publish.traceId}/${hop.publish.spanId}`);
      publish.count += 1;
    }
  }
  for (const edge of edges.values()) {
    if (!edge.source.startsWith("destination:")) continue;
    // One delivery of one message needs no label; counts and failures do.
    edge.label = [edge.count > 1 ? `×${edge.count}` : "", edge.errors > 0 ? `${edge.errors} failed` : ""].filter(Boolean).join(" · ");
  }
  if (edges.size === 0) for (const service of flow.services) addService(service);

  // A service that starts the flow and later consumes a reply closes a cycle. dagre turns round
  // the edges that close cycles as it first meets them, walking the nodes in the order given:
  // given by first activity, the order's first publisher stays leftmost and only replies run back.
  const firstSeen = firstActivity(flow.hops);
  const byFirstActivity = [...nodes.values()].sort((a, b) => {
    const [first, second] = [firstSeen.get(a.id), firstSeen.get(b.id)];
    if (first !== second) return first === undefined ? 1 : second === undefined ? -1 : first < second ? -1 : 1;
    // A publisher and its destination share the publish's time: the publisher comes first.
    return a.kind === b.kind ? 0 : a.kind === "service" ? -1 : 1;
  });
  const laidOut = layoutGraph(byFirstActivity, [...edges.values()]);
  return {
    ...laidOut,
    edges: [...edges.values()].map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, label: edge.label, count: edge.count, errors: edge.errors, deadLetter: edge.deadLetter })),
  };
}

/** When each node of the graph first took part in the flow: a service's first publish or processing, a destination's first publish. */
function firstActivity(hops: OrderFlow["hops"]): Map<string, bigint> {
  const first = new Map<string, bigint>();
  const seen = (id: string, at: string | null) => {
    if (at === null) return;
    const time = BigInt(at);
    const earlier = first.get(id);
    if (earlier === undefined || time < earlier) first.set(id, time);
  };
  for (const hop of hops) {
    if (hop.producer !== null) seen(serviceNodeId(hop.producer), hop.publishAt);
    seen(destinationNodeId(hop.system, hop.destination), hop.publishAt ?? hop.processStartAt);
    seen(serviceNodeId(hop.consumer), hop.processStartAt);
  }
  return first;
}

/** Where dagre drew an edge: a polyline from the source's border to the target's, and its label's centre. */
export interface EdgeRoute {
  points: { x: number; y: number }[];
  labelAt: { x: number; y: number } | null;
}

/**
 * Positions sized nodes left to right with dagre (each node's top-left corner), leaving room
 * between ranks for the edges' labels, and routes each edge around the nodes, so that an edge
 * closing a cycle runs back below or above the others rather than through them. Where edges form
 * a cycle, the node given first keeps its place. Shared by the order flow and the event flow.
 */
export function layoutGraph<N extends { id: string; width: number; height: number }>(
  nodes: N[],
  edges: { id: string; source: string; target: string; label: string }[],
): { nodes: (N & { x: number; y: number })[]; routes: Map<string, EdgeRoute>; width: number; height: number } {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 20, edgesep: 14, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  // Sized labels make dagre leave room for them between ranks, so no label overlaps a node.
  for (const edge of edges) graph.setEdge(edge.source, edge.target, { width: edge.label ? labelWidth(edge.label) : 0, height: edge.label ? 20 : 0, labelpos: "c" }, edge.id);
  dagre.layout(graph);
  const size = graph.graph();
  const routes = new Map<string, EdgeRoute>();
  for (const edge of edges) {
    const laidOut = graph.edge(edge.source, edge.target, edge.id) as { points: { x: number; y: number }[]; x?: number; y?: number };
    routes.set(edge.id, { points: laidOut.points, labelAt: edge.label && laidOut.x !== undefined && laidOut.y !== undefined ? { x: laidOut.x, y: laidOut.y } : null });
  }
  return {
    nodes: nodes.map((node) => {
      const position = graph.node(node.id);
      return { ...node, x: Math.round(position.x - node.width / 2), y: Math.round(position.y - node.height / 2) };
    }),
    routes,
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
  };
}

/** A label's width in px at the graph's 11px monospace label font, plus padding. */
function labelWidth(label: string): number {
  return Math.ceil(label.length * 6.7) + 16;
}

import { formatDurationNano } from "../../format/units";
import { isDeadLetterDestination } from "./dead-letter-rules";
import { destinationNodeId, eventLabel, flowNodeSize, serviceNodeId, type FlowGraphNode } from "./layout-flow-graph";

/**
 * How messages move along an edge of one event type's flow: a producer `publish`es it to a
 * destination, the destination `deliver`s it to a consumer, and the consumer publishes `next`
 * messages (other event types) while processing it.
 */
export type EventFlowEdgeKind = "publish" | "deliver" | "next";

/** What identifies an edge: its kind, the service at its end, and the message's type, broker and destination. */
export interface EdgeKey {
  kind: EventFlowEdgeKind;
  /** The producer (publish) or the consumer (deliver, next). */
  service: string;
  /** The flow's event type, or for `next` edges what the consumer published (null: not in the catalog). */
  eventType: string | null;
  system: string | null;
  destination: string | null;
}

/** One edge, aggregated from its spans. Latency (publish → process) is measured on `deliver` edges only. */
export interface EdgeTotals extends EdgeKey {
  messages: bigint;
  failed: bigint;
  lastSeenNano: bigint;
  p50Nano: bigint | null;
  p95Nano: bigint | null;
}

/** One span on an edge. */
export interface EdgeExampleSpan extends EdgeKey {
  traceId: string;
  spanId: string;
  startNano: bigint;
  failed: boolean;
  latencyNano: bigint | null;
}

/** Examples kept per edge and outcome: the latest successful spans and the latest failed ones. */
const examplesPerOutcome = 3;

/** Nearest-rank percentile (rank ⌈p·n/100⌉) of sorted values, as `percentile` in lib/lag computes it. */
function nearestRank(sorted: readonly bigint[], p: number): bigint | null {
  return sorted.length === 0 ? null : sorted[Math.ceil((p * sorted.length) / 100) - 1]!;
}

/**
 * Per edge: span count, failures, last seen, p50/p95 of the measured latencies, and the latest
 * few successful and failed spans as examples.
 */
export function summarizeEdgeSpans(spans: readonly EdgeExampleSpan[]): { totals: EdgeTotals[]; examples: EdgeExampleSpan[] } {
  const edges = new Map<string, EdgeExampleSpan[]>();
  for (const span of spans) {
    const id = JSON.stringify([span.kind, span.service, span.eventType, span.system, span.destination]);
    const edge = edges.get(id);
    if (edge === undefined) edges.set(id, [span]);
    else edge.push(span);
  }
  const totals: EdgeTotals[] = [];
  const examples: EdgeExampleSpan[] = [];
  for (const edgeSpans of edges.values()) {
    const { kind, service, eventType, system, destination } = edgeSpans[0]!;
    const latencies = edgeSpans.flatMap((span) => (span.latencyNano === null ? [] : [span.latencyNano])).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    totals.push({
      kind,
      service,
      eventType,
      system,
      destination,
      messages: BigInt(edgeSpans.length),
      failed: BigInt(edgeSpans.filter((span) => span.failed).length),
      lastSeenNano: edgeSpans.reduce((latest, span) => (span.startNano > latest ? span.startNano : latest), edgeSpans[0]!.startNano),
      p50Nano: nearestRank(latencies, 50),
      p95Nano: nearestRank(latencies, 95),
    });
    const newestFirst = [...edgeSpans].sort((a, b) => (a.startNano > b.startNano ? -1 : a.startNano < b.startNano ? 1 : 0));
    for (const failed of [false, true]) examples.push(...newestFirst.filter((span) => span.failed === failed).slice(0, examplesPerOutcome));
  }
  return { totals, examples };
}

/** An example span of an edge; `startAt` is Unix nanoseconds as a decimal string. */
export interface EventFlowExample {
  traceId: string;
  spanId: string;
  startAt: string;
  failed: boolean;
  latencyMs: number | null;
}

/**
 * An edge between two nodes. `messages` counts spans: messages published on `publish` and
 * `next` edges, deliveries processed on `deliver` edges (each retry counts). `lastSeenAt` is Unix
 * nanoseconds as a decimal string.
 */
export interface EventFlowEdge extends EdgeKey {
  id: string;
  source: string;
  target: string;
  label: string;
  messages: number;
  failed: number;
  lastSeenAt: string;
  p50Ms: number | null;
  p95Ms: number | null;
  deadLetter: boolean;
  /** Failed ones and the most recent ones, newest first within each, failed first. */
  examples: EventFlowExample[];
}

/** A node before layout: a service or a broker destination. */
export type EventFlowNode = Omit<FlowGraphNode, "x" | "y">;

/** One event type's aggregated flow over the last `windowMinutes`. */
export interface EventFlow {
  eventType: string;
  windowMinutes: number;
  /**
   * When the window held more of the event type's spans than one flow aggregates: the start (ISO)
   * of the newest part, which the flow covers; null when it covers the whole window.
   */
  coveredSince: string | null;
  nodes: EventFlowNode[];
  edges: EventFlowEdge[];
  summary: { producers: number; consumers: number; published: number; delivered: number; failedDeliveries: number };
}

const kindOrder: Record<EventFlowEdgeKind, number> = { publish: 0, deliver: 1, next: 2 };
const number = new Intl.NumberFormat("en");

/** The stable id of an edge, as the page keeps it in the URL (`?edge=`). */
export function eventFlowEdgeId(key: EdgeKey): string {
  return [key.kind, key.service, key.system ?? "", key.destination ?? "", key.eventType ?? ""].join(":");
}

/**
 * Builds the graph from the store's per-edge totals and example spans: producers → destinations
 * → consumers → the destinations of what the consumers publish next. Service nodes say which
 * roles they play and count the deliveries that failed there.
 */
export function buildEventFlow(input: { eventType: string; windowMinutes: number; coveredSince: string | null; totals: EdgeTotals[]; examples: EdgeExampleSpan[] }): EventFlow {
  const examplesByEdge = new Map<string, EdgeExampleSpan[]>();
  for (const example of input.examples) {
    const id = eventFlowEdgeId(example);
    examplesByEdge.set(id, [...(examplesByEdge.get(id) ?? []), example]);
  }
  const nodes = new Map<string, EventFlowNode>();
  const roles = new Map<string, Set<"producer" | "consumer">>();
  const addService = (name: string, role: "producer" | "consumer") => {
    const id = serviceNodeId(name);
    if (!nodes.has(id)) nodes.set(id, { id, kind: "service", label: name, detail: null, deadLetter: false, errors: 0, ...flowNodeSize.service });
    roles.set(id, (roles.get(id) ?? new Set()).add(role));
    return nodes.get(id)!;
  };
  const addDestination = (system: string | null, destination: string | null) => {
    const id = destinationNodeId(system, destination);
    if (!nodes.has(id)) nodes.set(id, { id, kind: "destination", label: destination ?? "(unnamed destination)", detail: system, deadLetter: isDeadLetterDestination(destination), errors: 0, ...flowNodeSize.destination });
    return nodes.get(id)!;
  };

  const edges = [...input.totals]
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || Number(b.messages - a.messages) || eventFlowEdgeId(a).localeCompare(eventFlowEdgeId(b)))
    .map((totals): EventFlowEdge => {
      const destination = addDestination(totals.system, totals.destination);
      const service = addService(totals.service, totals.kind === "publish" ? "producer" : "consumer");
      if (totals.kind === "deliver") service.errors += Number(totals.failed);
      const id = eventFlowEdgeId(totals);
      return {
        id,
        kind: totals.kind,
        service: totals.service,
        eventType: totals.eventType,
        system: totals.system,
        destination: totals.destination,
        source: totals.kind === "deliver" ? destination.id : service.id,
        target: totals.kind === "deliver" ? service.id : destination.id,
        label: edgeLabel(totals),
        messages: Number(totals.messages),
        failed: Number(totals.failed),
        lastSeenAt: totals.lastSeenNano.toString(),
        p50Ms: toMs(totals.p50Nano),
        p95Ms: toMs(totals.p95Nano),
        deadLetter: destination.deadLetter,
        examples: orderExamples(examplesByEdge.get(id) ?? []),
      };
    });

  // Failures show on the delivery edges' labels and as the node's colour; the detail names the roles.
  for (const [id, played] of roles) nodes.get(id)!.detail = (["producer", "consumer"] as const).filter((role) => played.has(role)).join(" · ");
  const ofKind = (kind: EventFlowEdgeKind) => edges.filter((edge) => edge.kind === kind);
  const sum = (kind: EventFlowEdgeKind, field: "messages" | "failed") => ofKind(kind).reduce((total, edge) => total + edge[field], 0);
  return {
    eventType: input.eventType,
    windowMinutes: input.windowMinutes,
    coveredSince: input.coveredSince,
    nodes: [...nodes.values()],
    edges,
    summary: {
      producers: new Set(ofKind("publish").map((edge) => edge.service)).size,
      consumers: new Set(ofKind("deliver").map((edge) => edge.service)).size,
      published: sum("publish", "messages"),
      delivered: sum("deliver", "messages"),
      failedDeliveries: sum("deliver", "failed"),
    },
  };
}

/** `×120`, `×118 · p95 42 ms · 3 failed`, `payment.processed ×60`: short enough to sit on the edge. */
function edgeLabel(totals: EdgeTotals): string {
  const count = `×${number.format(totals.messages)}`;
  const parts = [totals.kind === "next" ? `${eventLabel(totals.eventType, null, totals.destination)} ${count}` : count];
  if (totals.p95Nano !== null) parts.push(`p95 ${formatDurationNano(totals.p95Nano)}`);
  if (totals.failed > 0n) parts.push(`${number.format(totals.failed)} failed`);
  return parts.join(" · ");
}

function orderExamples(spans: EdgeExampleSpan[]): EventFlowExample[] {
  return [...spans]
    .sort((a, b) => Number(b.failed) - Number(a.failed) || (a.startNano === b.startNano ? 0 : a.startNano > b.startNano ? -1 : 1))
    .map((span) => ({ traceId: span.traceId, spanId: span.spanId, startAt: span.startNano.toString(), failed: span.failed, latencyMs: toMs(span.latencyNano) }));
}

/** Nanoseconds as milliseconds with two decimals, as the lag view shows them. */
function toMs(nanos: bigint | null): number | null {
  return nanos === null ? null : Math.round(Number(nanos) / 1e4) / 100;
}

import type { OrderFlow } from "../flow/flow-types";
import type { ExpectedFlow } from "./expected-flow";

const sorted = (values: string[]) => [...values].sort();
const edgeText = (edge: { from: string | null; to: string | null; eventType: string | null; destination: string | null; count: number; deadLetter: boolean }) =>
  `${edge.from ?? "∅"} → ${edge.to ?? "∅"} ${edge.eventType ?? "?"} via ${edge.destination ?? "?"}${edge.deadLetter ? " (dead letters)" : ""} ×${edge.count}`;
const hopText = (hop: { producer: string | null; consumer: string; eventType: string | null; destination: string | null; outcome: string }, deadLetterTo: string | null, matchedBy: string) =>
  `${hop.producer ?? "∅"} → ${hop.consumer} ${hop.eventType ?? "?"} via ${hop.destination ?? "?"}: ${hop.outcome}${deadLetterTo ? ` to ${deadLetterTo}` : ""}, matched by ${matchedBy}`;

function difference(what: string, orderId: string, expected: string[], actual: string[]): string[] {
  const missing = expected.filter((item) => !actual.includes(item));
  const extra = actual.filter((item) => !expected.includes(item));
  if (JSON.stringify(sorted(expected)) === JSON.stringify(sorted(actual))) return [];
  return [`${orderId} ${what}: missing [${missing.join("; ")}], unexpected [${extra.join("; ")}]${missing.length + extra.length === 0 ? ` (counts differ: ${actual.join("; ")})` : ""}`];
}

/** Every way the flow the store reconstructed differs from what the order went through, as readable lines. */
export function compareFlow(orderId: string, expected: ExpectedFlow, flow: OrderFlow, linked: boolean): string[] {
  const traces = linked ? expected.traceCount.linked : expected.traceCount.continued;
  // Consumers continue the producer's trace (the span's parent is the publish span) or link to it.
  const matchedBy = linked ? "link" : "parent";
  return [
    ...difference("services", orderId, expected.services, flow.services),
    ...difference("edges", orderId, expected.edges.map(edgeText), flow.edges.map(edgeText)),
    ...difference(
      "hops",
      orderId,
      expected.hops.map((hop) => hopText(hop, hop.deadLetterTo, matchedBy)),
      flow.hops.map((hop) => hopText(hop, hop.deadLetter?.destination ?? null, hop.matchedBy)),
    ),
    ...(flow.traceIds.length === traces ? [] : [`${orderId} traces: expected ${traces}, got ${flow.traceIds.length}`]),
    ...(flow.truncated ? [`${orderId}: flow truncated`] : []),
  ];
}

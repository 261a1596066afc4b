import { consumerSpecs, routingKeyOf, topicMatches, type ConsumerService, type OrderEvent, type OrderService, type Topology } from "./order-routing";

export interface ExpectedHop {
  producer: OrderService;
  consumer: ConsumerService;
  eventType: OrderEvent;
  destination: string;
  outcome: "ok" | "dead-lettered";
  /** Where the broker moved the message when the consumer rejected it. */
  deadLetterTo: string | null;
}

export interface ExpectedEdge {
  from: OrderService;
  to: ConsumerService | null;
  eventType: OrderEvent;
  destination: string;
  count: number;
  /** The destination is the dead-letter exchange. */
  deadLetter: boolean;
}

export interface ExpectedFlow {
  services: OrderService[];
  hops: ExpectedHop[];
  edges: ExpectedEdge[];
  /** Traces when consumers continue the producer's trace, and when each delivery starts a new one. */
  traceCount: { continued: number; linked: number };
}

interface InFlight {
  producer: OrderService;
  event: OrderEvent;
}

/**
 * What one order goes through, computed from the routing table alone: checkout publishes
 * `order.placed`; every queue whose binding matches a message's routing key gets a delivery; a
 * rejected delivery is dead-lettered by the broker with its routing key to the dead-letter
 * exchange (whose consumers see the original producer's message there); published events
 * that no queue is bound for become edges to no consumer.
 */
export function expectedOrderFlow(orderId: string, topology: Topology): ExpectedFlow {
  const hops: ExpectedHop[] = [];
  const unanswered: InFlight[] = [];
  const pending: InFlight[] = [{ producer: "checkout", event: "order.placed" }];
  const deliver = (message: InFlight, deadLettered: boolean) => {
    const routingKey = routingKeyOf[message.event];
    const receivers = consumerSpecs.filter((spec) => spec.deadLetterQueue === deadLettered && spec.bindings.some((pattern) => topicMatches(pattern, routingKey)));
    if (receivers.length === 0 && !deadLettered) unanswered.push(message);
    for (const spec of receivers) {
      const decision = spec.decide(orderId, message.event);
      const destination = deadLettered ? topology.deadLetterExchange : topology.exchange;
      const rejected = decision.kind === "reject";
      hops.push({ producer: message.producer, consumer: spec.service, eventType: message.event, destination, outcome: rejected ? "dead-lettered" : "ok", deadLetterTo: rejected ? topology.deadLetterExchange : null });
      if (decision.kind === "reject") deliver(message, true);
      else pending.push(...decision.events.map((event) => ({ producer: spec.service, event })));
    }
  };
  for (let message = pending.shift(); message; message = pending.shift()) deliver(message, false);

  const edges = new Map<string, ExpectedEdge>();
  const addEdge = (edge: Omit<ExpectedEdge, "count" | "deadLetter">) => {
    const key = JSON.stringify([edge.from, edge.to, edge.eventType, edge.destination]);
    const existing = edges.get(key) ?? { ...edge, count: 0, deadLetter: edge.destination === topology.deadLetterExchange };
    existing.count += 1;
    edges.set(key, existing);
  };
  for (const hop of hops) addEdge({ from: hop.producer, to: hop.consumer, eventType: hop.eventType, destination: hop.destination });
  for (const message of unanswered) addEdge({ from: message.producer, to: null, eventType: message.event, destination: topology.exchange });

  const services = [...new Set<OrderService>(["checkout", ...hops.map((hop) => hop.consumer)])];
  return { services, hops, edges: [...edges.values()], traceCount: { continued: 1, linked: 1 + hops.length } };
}

/** Deliveries each consumer must settle (ack or nack) before a run with these orders is complete. */
export function expectedDeliveries(orderIds: readonly string[], topology: Topology): Map<ConsumerService, number> {
  const counts = new Map<ConsumerService, number>();
  for (const orderId of orderIds) {
    for (const hop of expectedOrderFlow(orderId, topology).hops) counts.set(hop.consumer, (counts.get(hop.consumer) ?? 0) + 1);
  }
  return counts;
}

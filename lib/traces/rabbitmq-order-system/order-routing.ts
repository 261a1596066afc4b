/** The services of the order system; each runs in its own process with its own `service.name`. */
export const consumerServices = ["payment", "inventory", "shipping", "notification", "dead-letter-office"] as const;
export type ConsumerService = (typeof consumerServices)[number];
export type OrderService = "checkout" | ConsumerService;

/** Event types of the demo catalog the system exchanges. */
export const orderEvents = ["order.placed", "payment.processed", "payment.failed", "inventory.reserved", "order.shipped"] as const;
export type OrderEvent = (typeof orderEvents)[number];

/**
 * Routing keys name the publishing service first, so that the catalog can only resolve the event
 * type through its broker bindings (a routing key equal to the event name would resolve by name).
 */
export const routingKeyOf: Record<OrderEvent, string> = {
  "order.placed": "checkout.order.placed",
  "payment.processed": "payment.payment.processed",
  "payment.failed": "payment.payment.failed",
  "inventory.reserved": "inventory.inventory.reserved",
  "order.shipped": "shipping.order.shipped",
};

/** What a consumer does with one delivery: publish follow-up events and ack, or nack without requeue. */
export type Decision = { kind: "publish"; events: OrderEvent[] } | { kind: "reject"; reason: string };

export interface ConsumerSpec {
  service: ConsumerService;
  /** Topic patterns the service's queue is bound with on the orders exchange (or `#` on the dead-letter exchange). */
  bindings: string[];
  /** True for the queue bound to the dead-letter exchange instead of the orders exchange. */
  deadLetterQueue: boolean;
  decide(orderId: string, event: OrderEvent): Decision;
}

const lastDigit = (orderId: string) => orderId.at(-1) ?? "";

/**
 * The routing table, read by the services when they run and by the test when it computes what
 * each order must have gone through. Outcomes depend only on the order id's last digit:
 * 3 — the card is declined; 7 — out of stock and the address is flagged; 9 — the address is flagged.
 */
export const consumerSpecs: readonly ConsumerSpec[] = [
  {
    service: "payment",
    bindings: ["*.order.placed"],
    deadLetterQueue: false,
    decide: (orderId) => ({ kind: "publish", events: [lastDigit(orderId) === "3" ? "payment.failed" : "payment.processed"] }),
  },
  {
    service: "inventory",
    bindings: ["*.order.placed"],
    deadLetterQueue: false,
    decide: (orderId) => (lastDigit(orderId) === "7" ? { kind: "reject", reason: "out of stock" } : { kind: "publish", events: ["inventory.reserved"] }),
  },
  {
    service: "shipping",
    bindings: ["*.payment.processed"],
    deadLetterQueue: false,
    decide: (orderId) => (["7", "9"].includes(lastDigit(orderId)) ? { kind: "reject", reason: "address flagged" } : { kind: "publish", events: ["order.shipped"] }),
  },
  {
    service: "notification",
    bindings: ["*.order.shipped", "payment.payment.failed"],
    deadLetterQueue: false,
    decide: () => ({ kind: "publish", events: [] }),
  },
  {
    service: "dead-letter-office",
    bindings: ["#"],
    deadLetterQueue: true,
    decide: () => ({ kind: "publish", events: [] }),
  },
];

export function consumerSpec(service: ConsumerService): ConsumerSpec {
  const spec = consumerSpecs.find((candidate) => candidate.service === service);
  if (!spec) throw new Error(`no consumer spec for ${service}`);
  return spec;
}

/** Names of the exchanges and queues of one test run. */
export interface Topology {
  exchange: string;
  deadLetterExchange: string;
  queueOf(service: ConsumerService): string;
}

export function topologyFor(prefix: string): Topology {
  return {
    exchange: `${prefix}.orders`,
    // The `.dlx` suffix is what marks a RabbitMQ destination as a dead-letter one.
    deadLetterExchange: `${prefix}.orders.dlx`,
    queueOf: (service) => `${prefix}.${service}`,
  };
}

/** AMQP topic matching: words separated by dots, `*` is exactly one word, `#` zero or more. */
export function topicMatches(pattern: string, routingKey: string): boolean {
  const match = (patternWords: string[], keyWords: string[]): boolean => {
    if (patternWords.length === 0) return keyWords.length === 0;
    const [head, ...rest] = patternWords;
    if (head === "#") return match(rest, keyWords) || (keyWords.length > 0 && match(patternWords, keyWords.slice(1)));
    if (keyWords.length === 0) return false;
    return (head === "*" || head === keyWords[0]) && match(rest, keyWords.slice(1));
  };
  return match(pattern.split("."), routingKey.split("."));
}

export function eventOfRoutingKey(routingKey: string): OrderEvent {
  const event = orderEvents.find((candidate) => routingKeyOf[candidate] === routingKey);
  if (!event) throw new Error(`unknown routing key ${routingKey}`);
  return event;
}

/** The body of every message: the order it is about. */
export interface OrderMessage {
  orderId: string;
  event: OrderEvent;
}

export function orderIdOfContent(content: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(content.toString("utf8")) as Partial<OrderMessage>;
    return typeof parsed.orderId === "string" ? parsed.orderId : undefined;
  } catch {
    return undefined;
  }
}

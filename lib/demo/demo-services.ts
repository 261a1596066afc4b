import type { Context, Link } from "@opentelemetry/api";
import type { PublishResult } from "../brokers/messaging-client";
import {
  inventoryReserved,
  isUndeliverable,
  orderCancelled,
  orderShipped,
  settlePayment,
  type DemoEventType,
  type DemoPayload,
  type Random,
} from "./demo-orders";
import type { DemoService } from "./demo-tracers";
import { createOrderJoin, createRecentMap, type JoinPart } from "./order-join";
import type { DemoDelivery, HandlerResult } from "./traced-messaging";

/** How long each service works on one message, in milliseconds (uniform between the bounds). */
export type DemoTiming = Record<DemoService, readonly [minMs: number, maxMs: number]> & {
  /** The delay before a failed delivery is tried again. */
  retryMs: number;
};

/** Inventory is the slow consumer, so its lag shows; the others answer quickly. */
export const defaultTiming: DemoTiming = {
  checkout: [5, 30],
  payment: [80, 400],
  inventory: [1_000, 3_000],
  email: [20, 150],
  shipping: [30, 120],
  retryMs: 500,
};

/**
 * A consumer busier than this share of the time would fall behind without bound; below it, a
 * queue forms now and then and drains again — lag that shows, and stays bounded at any rate.
 */
const maxUtilisation = 0.7;

/** A service's work bounds, shortened when `concurrency` workers could not keep up with one order per `intervalMs`. */
export function workBounds(bounds: readonly [number, number], intervalMs: number, concurrency: number): [number, number] {
  const meanMs = (bounds[0] + bounds[1]) / 2;
  const scale = meanMs > 0 ? Math.min(1, (maxUtilisation * intervalMs * concurrency) / meanMs) : 1;
  return [bounds[0] * scale, bounds[1] * scale];
}

/** What a handler may do besides reading its delivery. */
export interface ServiceTools {
  /** Simulated work; false when the demo stopped meanwhile. */
  work(): Promise<boolean>;
  publish(payload: DemoPayload, orderId: string, parent: Context, links?: Link[]): Promise<PublishResult>;
  now(): Date;
  random: Random;
  retryMs: number;
}

/** One consumer of the demo: a service reading one event type under its own consumer name. */
export interface DemoSubscription {
  service: DemoService;
  eventType: DemoEventType;
  /** Messages worked on at once; 1 makes the slow consumer fall behind. */
  concurrency: number;
  maxDeliveries: number;
  /** Start a new trace linked to the producer instead of continuing the producer's trace. */
  newTrace: boolean;
  handle(delivery: DemoDelivery, tools: ServiceTools): Promise<HandlerResult>;
}

const done: HandlerResult = { status: "done" };
const abandoned: HandlerResult = { status: "abandoned" };

function invalid(reason: string, tools: ServiceTools): HandlerResult {
  return { status: "failed", reason, errorType: "invalid_payload", retryInMs: tools.retryMs };
}

function publishFailed(result: Exclude<PublishResult, { status: "published" }>, tools: ServiceTools): HandlerResult {
  return { status: "failed", reason: `could not publish: ${result.error.message}`, errorType: "publish_failed", retryInMs: Math.max(tools.retryMs, result.status === "retryable" ? result.retryInMs : 0) };
}

/** Works, then publishes what `next` returns (if anything) under the delivery's span. */
function reacting(next: (delivery: DemoDelivery, orderId: string, tools: ServiceTools) => DemoPayload | HandlerResult | null) {
  return async (delivery: DemoDelivery, tools: ServiceTools): Promise<HandlerResult> => {
    if (!(await tools.work())) return abandoned;
    if (delivery.orderId === null) return invalid("the message has no orderId", tools);
    const outcome = next(delivery, delivery.orderId, tools);
    if (outcome === null) return done;
    if ("status" in outcome) return outcome;
    const published = await tools.publish(outcome, delivery.orderId, delivery.context);
    return published.status === "published" ? done : publishFailed(published, tools);
  };
}

/** Email remembers whose order is whose (only `order.placed` names the customer) and fails for undeliverable customers. */
function emailHandler(customers: ReturnType<typeof createRecentMap<string>>) {
  return reacting((delivery, orderId, tools) => {
    const named = delivery.body?.customerId;
    if (typeof named === "string") customers.set(orderId, named);
    const customerId = typeof named === "string" ? named : customers.get(orderId);
    if (customerId === undefined || !isUndeliverable(customerId)) return null;
    return { status: "failed", reason: `550 5.1.1 mailbox unavailable for ${customerId}`, errorType: "smtp.550", retryInMs: tools.retryMs };
  });
}

/** Shipping publishes `order.shipped` once both the payment and the reservation of an order are in, linking to both. */
function shippingHandler(join: ReturnType<typeof createOrderJoin<Link | undefined>>, part: JoinPart) {
  return async (delivery: DemoDelivery, tools: ServiceTools): Promise<HandlerResult> => {
    if (!(await tools.work())) return abandoned;
    const { orderId } = delivery;
    if (orderId === null) return invalid("the message has no orderId", tools);
    const joined = join.offer(orderId, part, delivery.producerLink, tools.now().getTime());
    if (joined.status !== "complete") return done;
    const links = joined.other ? [joined.other] : [];
    const published = await tools.publish(orderShipped(orderId, tools.now(), tools.random), orderId, delivery.context, links);
    if (published.status === "published") return done;
    join.restore(orderId, part === "payment" ? "inventory" : "payment", joined.other, tools.now().getTime());
    return publishFailed(published, tools);
  };
}

/** The demo's consumers, following the declared producers and consumers of the demo catalog. */
export function createDemoSubscriptions(): DemoSubscription[] {
  const customers = createRecentMap<string>(10_000);
  const join = createOrderJoin<Link | undefined>({ maxOrders: 10_000, ttlMs: 15 * 60_000 });
  const standard = { concurrency: 8, maxDeliveries: 5, newTrace: false };
  const email = { service: "email" as const, ...standard, maxDeliveries: 3, handle: emailHandler(customers) };
  return [
    {
      service: "payment",
      eventType: "order.placed",
      ...standard,
      handle: reacting((delivery, orderId, tools) => {
        const total = delivery.body?.totalCents;
        if (typeof total !== "number") return invalid("the order has no totalCents", tools);
        return settlePayment(orderId, total, tools.now(), tools.random);
      }),
    },
    // Inventory works one message at a time and starts a new trace for each, linked to the order's.
    { service: "inventory", eventType: "order.placed", ...standard, concurrency: 1, newTrace: true, handle: reacting((_, orderId, tools) => inventoryReserved(orderId, tools.now(), tools.random)) },
    { service: "inventory", eventType: "order.cancelled", ...standard, concurrency: 1, newTrace: true, handle: reacting(() => null) },
    { eventType: "order.placed", ...email },
    { eventType: "payment.failed", ...email },
    { eventType: "order.shipped", ...email },
    { eventType: "order.cancelled", ...email },
    { service: "checkout", eventType: "payment.processed", ...standard, handle: reacting(() => null) },
    {
      service: "checkout",
      eventType: "payment.failed",
      ...standard,
      handle: reacting((delivery, orderId, tools) => orderCancelled(orderId, `payment failed: ${String(delivery.body?.reason ?? "unknown")}`, tools.now())),
    },
    { service: "checkout", eventType: "order.shipped", ...standard, handle: reacting(() => null) },
    { service: "shipping", eventType: "payment.processed", ...standard, handle: shippingHandler(join, "payment") },
    { service: "shipping", eventType: "inventory.reserved", ...standard, handle: shippingHandler(join, "inventory") },
  ];
}

/**
 * The demo order system's business data, pure: orders and the payload of every event the demo
 * services exchange, shaped exactly like the seeded catalog schemas (`demo-catalog.ts`) — except
 * for the few orders picked to drift. Which orders fail, bounce or drift depends only on their
 * sequence number, so a fresh start shows every shape within its first few orders.
 */

/** The event types the demo exchanges; each is also the destination it is published to. */
export type DemoEventType = "order.placed" | "payment.processed" | "payment.failed" | "inventory.reserved" | "order.shipped" | "order.cancelled";

/** A number in [0, 1), like `Math.random`; injected so tests are deterministic. */
export type Random = () => number;

/** One line of an order, as in the `order.placed` schema. */
export interface OrderLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

/** How an `order.placed` payload departs from its schema, if it does. */
export type Drift = "none" | "missing-currency" | "extra-field";

/** The reasons the `payment.failed` schema allows. */
export type PaymentFailureReason = "declined" | "insufficient_funds" | "fraud_suspected" | "timeout";

/** An order as checkout places it, with how its `order.placed` payload is to drift. */
export interface DemoOrder {
  sequence: number;
  orderId: string;
  customerId: string;
  lines: OrderLine[];
  totalCents: number;
  currency: "EUR" | "USD" | "GBP";
  placedAt: string;
  /** Present on orders placed as version 1.1.0 of `order.placed`. */
  couponCode: string | null;
  drift: Drift;
}

/** A payload to publish, with the catalog version it claims to follow. */
export interface DemoPayload {
  eventType: DemoEventType;
  version: string;
  body: Record<string, unknown>;
}

// Every n-th order (offset so that each shape appears within the first ten orders of a run).
const paymentFailsEvery = { every: 10, at: 4 };
const undeliverableEvery = { every: 25, at: 2 };
const driftEvery = { every: 32, at: 5 };
const couponEvery = { every: 4, at: 1 };

/** Customers whose mailbox rejects every email: ids from `cus_900` up. */
const firstUndeliverableCustomer = 900;
const undeliverableCustomers = 10;

/** Payment declines any order above this total; the generator places one such order in ten. */
export const creditLimitCents = 50_000;
const bulkLine: OrderLine = { sku: "SKU-ROASTER", quantity: 1, unitPriceCents: 89_900 };

const skus = ["SKU-KETTLE", "SKU-MUG", "SKU-TEAPOT", "SKU-FILTER", "SKU-BEANS", "SKU-GRINDER"];
const currencies = ["EUR", "EUR", "EUR", "USD", "GBP"] as const;
const failureReasons: PaymentFailureReason[] = ["declined", "insufficient_funds", "fraud_suspected", "timeout"];
const warehouses = ["AMS-1", "FRA-2", "DUB-1"];
const carriers = ["DHL", "UPS", "PostNL"];

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)]!;
}

function between(min: number, max: number, random: Random): number {
  return min + Math.floor(random() * (max - min + 1));
}

function hits(sequence: number, rule: { every: number; at: number }): boolean {
  return sequence % rule.every === rule.at;
}

/** Lower-case letters and digits, as the catalog's id patterns allow. */
export function randomId(length: number, random: Random): string {
  let id = "";
  for (let index = 0; index < length; index += 1) id += between(0, 35, random).toString(36);
  return id;
}

/** True for the customers whose email always fails (so the email consumer dead-letters their messages). */
export function isUndeliverable(customerId: string): boolean {
  const number = Number(/^cus_(\d+)$/.exec(customerId)?.[1]);
  return number >= firstUndeliverableCustomer && number < firstUndeliverableCustomer + undeliverableCustomers;
}

/** Which way the `sequence`-th order drifts from the schema: about one order in 32, alternating. */
export function driftFor(sequence: number): Drift {
  if (!hits(sequence, driftEvery)) return "none";
  return Math.floor(sequence / driftEvery.every) % 2 === 0 ? "missing-currency" : "extra-field";
}

/** The `sequence`-th order of a run (0-based), placed at `now`. */
export function generateOrder(sequence: number, now: Date, random: Random): DemoOrder {
  // At most 3 lines × 3 × 30.00: below the credit limit unless the bulk line is added.
  const lines = Array.from({ length: between(1, 3, random) }, () => ({
    sku: pick(skus, random),
    quantity: between(1, 3, random),
    unitPriceCents: between(3, 60, random) * 50,
  }));
  if (hits(sequence, paymentFailsEvery)) lines.push(bulkLine);
  const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  const couponCode = hits(sequence, couponEvery) ? "WELCOME10" : null;
  const customer = hits(sequence, undeliverableEvery)
    ? firstUndeliverableCustomer + between(0, undeliverableCustomers - 1, random)
    : between(1, firstUndeliverableCustomer - 1, random);
  return {
    sequence,
    orderId: `ord_${randomId(10, random)}`,
    customerId: `cus_${customer}`,
    lines,
    totalCents: couponCode ? Math.round(subtotal * 0.9) : subtotal,
    currency: pick(currencies, random),
    placedAt: now.toISOString(),
    couponCode,
    drift: driftFor(sequence),
  };
}

/** `order.placed` as checkout publishes it: 1.1.0 with a coupon, 1.0.0 without, drifted when picked. */
export function orderPlaced(order: DemoOrder): DemoPayload {
  const body: Record<string, unknown> = {
    orderId: order.orderId,
    customerId: order.customerId,
    lines: order.lines,
    totalCents: order.totalCents,
    currency: order.currency,
    placedAt: order.placedAt,
  };
  if (order.couponCode) body.couponCode = order.couponCode;
  if (order.drift === "missing-currency") delete body.currency;
  if (order.drift === "extra-field") body.giftWrap = true;
  return { eventType: "order.placed", version: order.couponCode ? "1.1.0" : "1.0.0", body };
}

/** `payment.processed` 1.0.0. */
export function paymentProcessed(orderId: string, amountCents: number, now: Date, random: Random): DemoPayload {
  return { eventType: "payment.processed", version: "1.0.0", body: { orderId, paymentId: `pay_${randomId(8, random)}`, amountCents, processedAt: now.toISOString() } };
}

/** `payment.failed` 1.0.0. */
export function paymentFailed(orderId: string, reason: PaymentFailureReason, now: Date): DemoPayload {
  return { eventType: "payment.failed", version: "1.0.0", body: { orderId, reason, failedAt: now.toISOString() } };
}

/** `inventory.reserved` 1.0.0, from one of the warehouses. */
export function inventoryReserved(orderId: string, now: Date, random: Random): DemoPayload {
  return { eventType: "inventory.reserved", version: "1.0.0", body: { orderId, warehouse: pick(warehouses, random), reservedAt: now.toISOString() } };
}

/** `order.shipped` 1.0.0, with a carrier and a tracking number. */
export function orderShipped(orderId: string, now: Date, random: Random): DemoPayload {
  const trackingNumber = `JD${String(between(0, 9_999_999_999, random)).padStart(10, "0")}`;
  return { eventType: "order.shipped", version: "1.0.0", body: { orderId, carrier: pick(carriers, random), trackingNumber, shippedAt: now.toISOString() } };
}

/** `order.cancelled` 1.0.0. */
export function orderCancelled(orderId: string, reason: string, now: Date): DemoPayload {
  return { eventType: "order.cancelled", version: "1.0.0", body: { orderId, reason, cancelledAt: now.toISOString() } };
}

/**
 * What payment answers for an order: declined above the credit limit — with a reason that
 * depends only on the order id, so a redelivery decides the same way — processed otherwise.
 */
export function settlePayment(orderId: string, totalCents: number, now: Date, random: Random): DemoPayload {
  if (totalCents <= creditLimitCents) return paymentProcessed(orderId, totalCents, now, random);
  const hash = [...orderId].reduce((sum, character) => sum + character.charCodeAt(0), 0);
  return paymentFailed(orderId, failureReasons[hash % failureReasons.length]!, now);
}

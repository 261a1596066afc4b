/**
 * The demo order system's catalog: who owns what, and which service produces and consumes
 * each event. The demo traffic follows exactly this flow:
 * checkout → order.placed → payment, inventory, email; payment → payment.processed | payment.failed;
 * inventory → inventory.reserved; shipping (after payment and stock) → order.shipped → email.
 */
export const demoTeams = [
  {
    slug: "checkout",
    name: "Checkout",
    description: "Cart, order placement and the order's lifecycle.",
    contactEmail: "checkout@example.com",
    slackChannel: "https://example.slack.com/archives/C0CHECKOUT",
    members: [
      { name: "Ada Lovelace", email: "ada@example.com" },
      { name: "Grace Hopper", email: "grace@example.com" },
    ],
  },
  {
    slug: "payments",
    name: "Payments",
    description: "Authorisation and capture of card payments.",
    contactEmail: "payments@example.com",
    slackChannel: "https://example.slack.com/archives/C0PAYMENTS",
    members: [{ name: "Barbara Liskov", email: "barbara@example.com" }],
  },
  {
    slug: "fulfilment",
    name: "Fulfilment",
    description: "Stock reservation, picking, shipping and customer notifications.",
    contactEmail: "fulfilment@example.com",
    slackChannel: null,
    members: [{ name: "Edsger Dijkstra", email: "edsger@example.com" }],
  },
];

export const demoDomains = [
  { slug: "orders", name: "Orders", description: "An order from placement to delivery." },
  { slug: "payments", name: "Payments", description: "Money moving for an order." },
  { slug: "fulfilment", name: "Fulfilment", description: "Stock, parcels and notifications." },
];

export const demoServices = [
  { name: "checkout", ownerTeam: "checkout", description: "Accepts orders and tracks their state." },
  { name: "payment", ownerTeam: "payments", description: "Authorises payments for placed orders." },
  { name: "inventory", ownerTeam: "fulfilment", description: "Reserves stock for placed orders." },
  { name: "shipping", ownerTeam: "fulfilment", description: "Ships paid orders whose stock is reserved." },
  { name: "email", ownerTeam: "checkout", description: "Emails customers about their orders." },
];

const orderId = { type: "string", pattern: "^ord_[0-9a-z]+$", description: "The order's business key." };
const timestamp = { type: "string", format: "date-time" };

function closedObject(title: string, properties: Record<string, unknown>, required: string[]): string {
  return JSON.stringify(
    { $schema: "https://json-schema.org/draft/2020-12/schema", title, type: "object", properties, required, additionalProperties: false },
    null,
    2,
  );
}

const orderLine = {
  type: "object",
  properties: { sku: { type: "string" }, quantity: { type: "integer", minimum: 1 }, unitPriceCents: { type: "integer", minimum: 0 } },
  required: ["sku", "quantity", "unitPriceCents"],
  additionalProperties: false,
};

const orderPlacedV1 = {
  orderId,
  customerId: { type: "string" },
  lines: { type: "array", minItems: 1, items: orderLine },
  totalCents: { type: "integer", minimum: 0 },
  currency: { type: "string", enum: ["EUR", "USD", "GBP"] },
  placedAt: timestamp,
};

export interface DemoVersion {
  schema: string;
  label: string;
  changelog: string;
  examplePayload: string;
}

const example = (payload: Record<string, unknown>) => JSON.stringify(payload, null, 2);

export const demoEventTypes: {
  name: string;
  domain: string;
  ownerTeam: string;
  description: string;
  tags: string[];
  producers: string[];
  consumers: string[];
  versions: DemoVersion[];
}[] = [
  {
    name: "order.placed",
    domain: "orders",
    ownerTeam: "checkout",
    description: "A customer placed an order. Carries the lines and the total so that downstream services need no lookup.",
    tags: ["order", "customer-facing"],
    producers: ["checkout"],
    consumers: ["payment", "inventory", "email"],
    versions: [
      {
        schema: closedObject("OrderPlaced", orderPlacedV1, ["orderId", "customerId", "lines", "totalCents", "currency", "placedAt"]),
        label: "1.0.0",
        changelog: "First version.",
        examplePayload: example({ orderId: "ord_1042", customerId: "cus_7", lines: [{ sku: "SKU-1", quantity: 2, unitPriceCents: 1250 }], totalCents: 2500, currency: "EUR", placedAt: "2026-11-01T10:00:00Z" }),
      },
      {
        schema: closedObject("OrderPlaced", { ...orderPlacedV1, couponCode: { type: "string", maxLength: 32 } }, ["orderId", "customerId", "lines", "totalCents", "currency", "placedAt"]),
        label: "1.1.0",
        changelog: "Adds the optional couponCode applied at checkout.",
        examplePayload: example({ orderId: "ord_1043", customerId: "cus_8", lines: [{ sku: "SKU-2", quantity: 1, unitPriceCents: 4000 }], totalCents: 3600, currency: "EUR", placedAt: "2026-11-01T10:05:00Z", couponCode: "WELCOME10" }),
      },
    ],
  },
  {
    name: "payment.processed",
    domain: "payments",
    ownerTeam: "payments",
    description: "The payment for an order was authorised and captured.",
    tags: ["payment"],
    producers: ["payment"],
    consumers: ["checkout", "shipping"],
    versions: [
      {
        schema: closedObject("PaymentProcessed", { orderId, paymentId: { type: "string" }, amountCents: { type: "integer", minimum: 0 }, processedAt: timestamp }, ["orderId", "paymentId", "amountCents", "processedAt"]),
        label: "1.0.0",
        changelog: "First version.",
        examplePayload: example({ orderId: "ord_1042", paymentId: "pay_9", amountCents: 2500, processedAt: "2026-11-01T10:00:02Z" }),
      },
    ],
  },
  {
    name: "payment.failed",
    domain: "payments",
    ownerTeam: "payments",
    description: "The payment for an order was declined or could not be processed.",
    tags: ["payment", "failure"],
    producers: ["payment"],
    consumers: ["checkout", "email"],
    versions: [
      {
        schema: closedObject("PaymentFailed", { orderId, reason: { type: "string", enum: ["declined", "insufficient_funds", "fraud_suspected", "timeout"] }, failedAt: timestamp }, ["orderId", "reason", "failedAt"]),
        label: "1.0.0",
        changelog: "First version.",
        examplePayload: example({ orderId: "ord_1044", reason: "declined", failedAt: "2026-11-01T10:06:01Z" }),
      },
    ],
  },
  {
    name: "inventory.reserved",
    domain: "fulfilment",
    ownerTeam: "fulfilment",
    description: "Stock for every line of an order is reserved in a warehouse.",
    tags: ["stock"],
    producers: ["inventory"],
    consumers: ["shipping"],
    versions: [
      {
        schema: closedObject("InventoryReserved", { orderId, warehouse: { type: "string" }, reservedAt: timestamp }, ["orderId", "warehouse", "reservedAt"]),
        label: "1.0.0",
        changelog: "First version.",
        examplePayload: example({ orderId: "ord_1042", warehouse: "AMS-1", reservedAt: "2026-11-01T10:00:01Z" }),
      },
    ],
  },
  {
    name: "order.shipped",
    domain: "fulfilment",
    ownerTeam: "fulfilment",
    description: "The parcel for an order left the warehouse.",
    tags: ["order", "customer-facing"],
    producers: ["shipping"],
    consumers: ["checkout", "email"],
    versions: [
      {
        schema: closedObject("OrderShipped", { orderId, carrier: { type: "string" }, trackingNumber: { type: "string" }, shippedAt: timestamp }, ["orderId", "carrier", "trackingNumber", "shippedAt"]),
        label: "1.0.0",
        changelog: "First version.",
        examplePayload: example({ orderId: "ord_1042", carrier: "DHL", trackingNumber: "JD0123456789", shippedAt: "2026-11-01T12:00:00Z" }),
      },
    ],
  },
  {
    name: "order.cancelled",
    domain: "orders",
    ownerTeam: "checkout",
    description: "An order was cancelled, by the customer or because its payment failed.",
    tags: ["order"],
    producers: ["checkout"],
    consumers: ["inventory", "email"],
    versions: [
      {
        schema: closedObject("OrderCancelled", { orderId, reason: { type: "string" }, cancelledAt: timestamp }, ["orderId", "reason", "cancelledAt"]),
        label: "1.0.0",
        changelog: "First version.",
        examplePayload: example({ orderId: "ord_1044", reason: "payment failed", cancelledAt: "2026-11-01T10:06:02Z" }),
      },
    ],
  },
];

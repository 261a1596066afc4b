import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

type OtlpValue = { stringValue: string } | { intValue: string } | { boolValue: boolean };
const attribute = (key: string, value: string | number | boolean): { key: string; value: OtlpValue } => ({
  key,
  value: typeof value === "string" ? { stringValue: value } : typeof value === "number" ? { intValue: String(value) } : { boolValue: value },
});

interface ScenarioSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startMs: number;
  durationMs: number;
  error?: string;
  attributes: Record<string, string | number | boolean>;
  links?: { traceId: string; spanId: string }[];
}

/**
 * One order through four services, as OTLP/JSON: checkout publishes order.placed; payment consumes
 * it in a new trace that only links back and publishes payment.failed; inventory consumes it as a
 * child span; notification fails once and succeeds on retry; ledger fails three times and
 * dead-letters the message to payments.dlq.
 */
export function orderScenario(now = Date.now()) {
  const orderId = `e2e-${hex(4)}`;
  const trace = { checkout: hex(16), payment: hex(16), notification: hex(16), ledger: hex(16) };
  const span = { root: hex(8), placed: hex(8), inventory: hex(8), paymentConsume: hex(8), paymentPublish: hex(8) };
  const messaging = (operation: string, destination: string, eventType: string, messageId: string) => ({
    "messaging.system": "rabbitmq",
    "messaging.operation.type": operation,
    "messaging.destination.name": destination,
    "messaging.message.id": messageId,
    "event.type": eventType,
    "order.id": orderId,
  });
  const placedId = `m-${hex(4)}`;
  const failedId = `m-${hex(4)}`;
  const spans: ScenarioSpan[] = [
    { service: "checkout", traceId: trace.checkout, spanId: span.root, name: "POST /orders", kind: 2, startMs: 0, durationMs: 42, attributes: { "order.id": orderId, "http.route": "/orders" } },
    { service: "checkout", traceId: trace.checkout, spanId: span.placed, parentSpanId: span.root, name: "orders publish", kind: 4, startMs: 30, durationMs: 4, attributes: { ...messaging("send", "orders", "order.placed", placedId), "event.version": "1" } },
    { service: "inventory", traceId: trace.checkout, spanId: span.inventory, parentSpanId: span.placed, name: "orders process", kind: 5, startMs: 40, durationMs: 18, attributes: messaging("process", "orders", "order.placed", placedId) },
    { service: "payment", traceId: trace.payment, spanId: span.paymentConsume, name: "orders process", kind: 5, startMs: 45, durationMs: 60, attributes: messaging("process", "orders", "order.placed", placedId), links: [{ traceId: trace.checkout, spanId: span.placed }] },
    { service: "payment", traceId: trace.payment, spanId: span.paymentPublish, parentSpanId: span.paymentConsume, name: "payments publish", kind: 4, startMs: 90, durationMs: 3, attributes: messaging("send", "payments", "payment.failed", failedId) },
    ...[0, 1].map((attempt) => ({
      service: "notification",
      traceId: trace.notification,
      spanId: hex(8),
      name: "payments process",
      kind: 5,
      startMs: 110 + attempt * 60,
      durationMs: 12,
      error: attempt === 0 ? "smtp unavailable" : undefined,
      attributes: messaging("process", "payments", "payment.failed", failedId),
      links: [{ traceId: trace.payment, spanId: span.paymentPublish }],
    })),
    ...[0, 1, 2].map((attempt) => ({
      service: "ledger",
      traceId: trace.ledger,
      spanId: hex(8),
      name: "payments process",
      kind: 5,
      startMs: 100 + attempt * 40,
      durationMs: 8,
      error: "schema mismatch",
      attributes: messaging("process", "payments", "payment.failed", failedId),
    })),
  ];
  const lastLedger = spans.at(-1)!;
  spans.push({ service: "ledger", traceId: trace.ledger, spanId: hex(8), parentSpanId: lastLedger.spanId, name: "payments.dlq publish", kind: 4, startMs: 183, durationMs: 2, attributes: messaging("send", "payments.dlq", "payment.failed", failedId) });

  const nanos = (ms: number) => (BigInt(Math.round((now - 5_000 + ms) * 1_000)) * 1_000n).toString();
  const services = [...new Set(spans.map((entry) => entry.service))];
  const body = {
    resourceSpans: services.map((service) => ({
      resource: { attributes: [attribute("service.name", service)] },
      scopeSpans: [
        {
          scope: { name: "eventscope-e2e", version: "1.0.0" },
          spans: spans
            .filter((entry) => entry.service === service)
            .map((entry) => ({
              traceId: entry.traceId,
              spanId: entry.spanId,
              ...(entry.parentSpanId ? { parentSpanId: entry.parentSpanId } : {}),
              name: entry.name,
              kind: entry.kind,
              startTimeUnixNano: nanos(entry.startMs),
              endTimeUnixNano: nanos(entry.startMs + entry.durationMs),
              attributes: Object.entries(entry.attributes).map(([key, value]) => attribute(key, value)),
              links: (entry.links ?? []).map((link) => ({ traceId: link.traceId, spanId: link.spanId })),
              events: entry.error ? [{ name: "exception", timeUnixNano: nanos(entry.startMs + entry.durationMs / 2), attributes: [attribute("exception.message", entry.error)] }] : [],
              status: entry.error ? { code: 2, message: entry.error } : { code: 1 },
            })),
        },
      ],
    })),
  };
  return { orderId, trace, span, body };
}

/** One trace of `spanCount` spans as OTLP/JSON: a root and, under it, one "step N" span per millisecond. */
export function largeTrace(spanCount: number, now = Date.now()) {
  const traceId = hex(16);
  const rootId = hex(8);
  const nanos = (ms: number) => (BigInt(now - spanCount + ms) * 1_000_000n).toString();
  const spans = Array.from({ length: spanCount }, (_, index) => ({
    traceId,
    spanId: index === 0 ? rootId : hex(8),
    ...(index === 0 ? {} : { parentSpanId: rootId }),
    name: index === 0 ? "bulk import" : `step ${index}`,
    kind: 1,
    startTimeUnixNano: nanos(index),
    endTimeUnixNano: nanos(index === 0 ? spanCount : index + 1),
  }));
  return { traceId, body: { resourceSpans: [{ resource: { attributes: [attribute("service.name", "importer")] }, scopeSpans: [{ spans }] }] } };
}

/** Sends the scenario through the app's OTLP/JSON receiver. */
export async function sendScenario(request: APIRequestContext, body: unknown): Promise<void> {
  const response = await request.post("/v1/traces", { data: body, headers: { "content-type": "application/json" } });
  expect(response.status(), await response.text()).toBe(200);
}

/** The trace search page (`/traces`). */
export class TraceSearchPage {
  constructor(readonly page: Page) {}

  async searchByKey(key: string, value: string): Promise<void> {
    await this.page.goto("/traces");
    await this.page.getByLabel("Business key").fill(key);
    await this.page.getByLabel(/^Value/).fill(value);
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(this.page).toHaveURL(new RegExp(`value=${value}`));
  }

  resultRows() {
    return this.page.locator(".trace-table tbody tr");
  }

  flowLink(key: string, value: string) {
    return this.page.getByRole("link", { name: new RegExp(`${key.replace(".", "\\.")}=${value}`) }).first();
  }

  traceLink(traceId: string) {
    return this.page.locator(".trace-table tbody tr", { hasText: traceId }).getByRole("link").first();
  }
}

/** The trace view (`/traces/{traceId}`). */
export class TraceViewPage {
  constructor(readonly page: Page) {}

  spanRow(name: RegExp | string) {
    return this.page.getByRole("treeitem", { name });
  }

  details() {
    return this.page.getByRole("complementary");
  }
}

/** The order flow view (`/flows?key=…&value=…`). */
export class OrderFlowPage {
  constructor(readonly page: Page) {}

  graph() {
    return this.page.getByTestId("flow-graph");
  }

  hops() {
    return this.page.getByRole("table", { name: "Hops" });
  }

  stat(label: string) {
    return this.page.locator(".flow-stats .stat", { hasText: label }).locator(".stat-value");
  }
}

import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { ExportTraceServiceRequest, type PbKeyValue, type PbSpan } from "../../lib/otlp/generated-protos";

/** One order's trip through the demo services: who sends which event and who processes it. */
const hops = [
  { producer: "checkout", eventType: "order.placed", consumers: ["payment", "inventory", "email"] },
  { producer: "payment", eventType: "payment.processed", consumers: ["shipping"] },
] as const;

const text = (key: string, value: string): PbKeyValue => ({ key, value: { stringValue: value } });
/** Unix nanoseconds do not fit a JS number; protobufjs takes them as low and high 32 bits. */
const fixed64 = (value: bigint) => ({ low: Number(value & 0xffffffffn) | 0, high: Number(value >> 32n) | 0, unsigned: true });

export interface GeneratedBatch {
  gzipped: Buffer;
  spanCount: number;
  traceIds: string[];
  orderIds: string[];
}

/**
 * A batch of whole orders as OTLP protobuf (gzip), every id random so no span repeats: per order
 * a producer span and consumer spans linked to it, in traces of their own, all carrying order.id.
 */
export function generateOrderBatch(ordersPerBatch: number, sequence: number): GeneratedBatch {
  const byService = new Map<string, PbSpan[]>();
  const add = (service: string, span: PbSpan) => byService.set(service, [...(byService.get(service) ?? []), span]);
  const traceIds: string[] = [];
  const orderIds: string[] = [];
  const now = BigInt(Date.now()) * 1_000_000n;
  for (let order = 0; order < ordersPerBatch; order++) {
    const orderId = `bench-${sequence}-${order}`;
    orderIds.push(orderId);
    let start = now + BigInt(order) * 1_000_000n;
    for (const hop of hops) {
      const traceId = randomBytes(16);
      const spanId = randomBytes(8);
      traceIds.push(traceId.toString("hex"));
      const common = [text("order.id", orderId), text("messaging.system", "embedded"), text("messaging.destination.name", hop.eventType)];
      add(hop.producer, {
        traceId,
        spanId,
        name: `${hop.eventType} send`,
        kind: 4,
        startTimeUnixNano: fixed64(start),
        endTimeUnixNano: fixed64(start + 800_000n),
        attributes: [...common, text("messaging.operation.type", "send"), text("messaging.message.id", spanId.toString("hex"))],
      });
      for (const consumer of hop.consumers) {
        add(consumer, {
          traceId: randomBytes(16),
          spanId: randomBytes(8),
          name: `${hop.eventType} process`,
          kind: 5,
          startTimeUnixNano: fixed64(start + 3_000_000n),
          endTimeUnixNano: fixed64(start + 9_000_000n),
          attributes: [...common, text("messaging.operation.type", "process"), text("messaging.consumer.group.name", consumer)],
          links: [{ traceId, spanId }],
        });
      }
      start += 10_000_000n;
    }
  }
  const resourceSpans = [...byService].map(([service, spans]) => ({
    resource: { attributes: [text("service.name", service)] },
    scopeSpans: [{ scope: { name: "eventscope-bench", version: "1" }, spans }],
  }));
  const spanCount = resourceSpans.reduce((sum, entry) => sum + entry.scopeSpans[0]!.spans.length, 0);
  return { gzipped: gzipSync(ExportTraceServiceRequest.encode({ resourceSpans }).finish()), spanCount, traceIds, orderIds };
}

/** Spans per order: one producer span and one consumer span per consumer, per hop. */
export const spansPerOrder = hops.reduce((sum, hop) => sum + 1 + hop.consumers.length, 0);

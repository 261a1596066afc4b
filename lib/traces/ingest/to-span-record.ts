import { extractBusinessKeys } from "../../otlp/business-keys";
import type { NormalizedSpan } from "../../otlp/types";
import type { SpanRecord } from "../span-store/span-record";
import { resolveEventType, type CatalogBindingIndex } from "./event-type-resolver";

/** A decoded span as the store keeps it, with its message tied to a catalog event type where possible. */
export function toSpanRecord(span: NormalizedSpan, catalog: CatalogBindingIndex, businessKeyAttributes: readonly string[]): SpanRecord {
  const messaging = span.messaging;
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    serviceName: span.serviceName,
    name: span.name,
    kind: span.kind,
    startTimeUnixNano: span.startTimeUnixNano,
    endTimeUnixNano: span.endTimeUnixNano,
    statusCode: span.statusCode,
    statusMessage: span.statusMessage,
    attributes: JSON.stringify(span.attributes),
    resource: JSON.stringify(span.resource),
    events: JSON.stringify(span.events.map((event) => ({ ...event, timeUnixNano: event.timeUnixNano.toString() }))),
    messaging: messaging
      ? {
          role: messaging.role,
          system: messaging.system,
          destination: messaging.destination,
          eventType: resolveEventType(catalog, {
            declared: messaging.eventType,
            system: messaging.system,
            destination: messaging.destination,
            routingKey: messaging.routingKey,
          }),
          messageId: messaging.messageId,
          consumerGroup: messaging.consumerGroup,
        }
      : null,
    links: span.links.map((link) => ({ traceId: link.traceId, spanId: link.spanId, attributes: JSON.stringify(link.attributes) })),
    keys: extractBusinessKeys(span.attributes, businessKeyAttributes).map(({ key, value }) => ({ key, value })),
  };
}

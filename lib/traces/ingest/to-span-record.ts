import { extractBusinessKeys } from "../../otlp/business-keys";
import type { NormalizedSpan } from "../../otlp/types";
import type { SpanRecord } from "../span-store/span-record";
import { resolveEventType, type CatalogBindingIndex } from "./event-type-resolver";

// The spans of one resource share its attributes object (lib/otlp/assemble-span.ts), so it is
// encoded once per request rather than per span: about 2 µs a span for an SDK's dozen attributes.
const encodedResources = new WeakMap<object, string>();

function encodeResource(resource: object): string {
  let json = encodedResources.get(resource);
  if (json === undefined) {
    json = JSON.stringify(resource);
    encodedResources.set(resource, json);
  }
  return json;
}

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
    resource: encodeResource(span.resource),
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

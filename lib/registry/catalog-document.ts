import type { SchemaFormat } from "./compatibility/types";

/**
 * The catalog in a neutral shape: what an AsyncAPI import produces and what an AsyncAPI export
 * consumes. Applying one to the database is `import-catalog-document.ts`.
 */
export interface CatalogDocument {
  /** Where the document came from, e.g. the AsyncAPI `info.title`. */
  title: string;
  services: CatalogService[];
  eventTypes: CatalogEventType[];
}

export interface CatalogService {
  /** As in OpenTelemetry `service.name`. */
  name: string;
  description: string;
}

export interface CatalogEventType {
  /** e.g. `order.placed` */
  name: string;
  description: string;
  domain: string | null;
  tags: string[];
  schema: { format: SchemaFormat; text: string } | null;
  /** JSON text of an example payload, if the document has one. */
  examplePayload: string | null;
  bindings: CatalogBinding[];
  /** Service names. */
  producers: string[];
  consumers: string[];
}

export interface CatalogBinding {
  /** rabbitmq (amqp), kafka, nats, redis, mqtt, embedded, … */
  broker: string;
  /** exchange, subject, stream or topic */
  destination: string;
  /** AMQP routing key; empty when the broker has none */
  routingKey: string;
}

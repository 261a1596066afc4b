import type { DeadLetterRule, FlowSpan } from "./flow-types";

/**
 * A destination is a dead-letter one when its name says so: `dlq`, `dead-letter` / `dead_letter` /
 * `deadletter`, or a `.dlx` (RabbitMQ exchange) or `.dlt` (Kafka topic) suffix.
 */
const deadLetterName = /dlq|dead[-_.]?letter|\.dl[xt](?![a-z0-9])/i;

/** Consume-span attributes with which an instrumentation says it dead-lettered the message. */
export const deadLetterAttributes: readonly string[] = ["messaging.dead_letter", "eventscope.dead_lettered"];

/** Consume-span attributes carrying the consumer's delivery limit. */
export const maxDeliveriesAttributes: readonly string[] = ["eventscope.max_deliveries", "messaging.max_deliveries"];

/** Publish-span attributes carrying the event's schema version, first present wins. */
export const eventVersionAttributes: readonly string[] = ["event.version", "eventscope.event.version", "messaging.message.schema.version"];

export function isDeadLetterDestination(destination: string | null): boolean {
  return destination !== null && deadLetterName.test(destination);
}

/** An attribute that means "true": the boolean, or the strings "true" / "1". */
export function isTrueAttribute(spans: FlowSpan[], names: readonly string[]): boolean {
  return spans.some((span) => names.some((name) => span.attributes[name] === true || span.attributes[name] === "true" || span.attributes[name] === "1"));
}

/** The largest positive integer found under `names` on any of the spans, or null. */
export function numberAttribute(spans: FlowSpan[], names: readonly string[]): number | null {
  let found: number | null = null;
  for (const span of spans) {
    for (const name of names) {
      const value = Number(span.attributes[name]);
      if (Number.isInteger(value) && value > 0) found = Math.max(found ?? 0, value);
    }
  }
  return found;
}

/** The first scalar attribute under `names` as text, or null. */
export function textAttribute(span: FlowSpan | undefined, names: readonly string[]): string | null {
  if (!span) return null;
  for (const name of names) {
    const value = span.attributes[name];
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number") return String(value);
  }
  return null;
}

/**
 * The rule that applies when a message's last delivery to a consumer failed, or null (then it is
 * an error, not a dead letter). In order: (1) the consumer published it on to a dead-letter
 * destination (a publish span under, or linked to, a failed attempt — or with the message's id),
 * (2) the broker delivered the same message through a dead-letter destination (RabbitMQ's
 * dead-letter exchange after a nack without requeue), (3) an attempt span carries
 * `messaging.dead_letter` / `eventscope.dead_lettered` = true, (4) the failed attempts reached the
 * consumer's max deliveries (`eventscope.max_deliveries`).
 */
export function deadLetterRule(input: { attempts: FlowSpan[]; failedAttempts: number; deadLetterPublish: FlowSpan | undefined; deadLetterDelivery?: FlowSpan | undefined }): DeadLetterRule | null {
  if (input.deadLetterPublish) return "dead-letter-publish";
  if (input.deadLetterDelivery) return "dead-letter-delivery";
  if (isTrueAttribute(input.attempts, deadLetterAttributes)) return "dead-letter-attribute";
  const max = numberAttribute(input.attempts, maxDeliveriesAttributes);
  if (max !== null && input.failedAttempts >= max) return "max-deliveries";
  return null;
}

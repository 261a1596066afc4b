import { z } from "zod";
import { replayHeaders } from "../headers";
import type { DeadLetterCause } from "../types";
import { deadLetterHeaders, headerText, type AmqpHeaders } from "./amqp-headers";

/**
 * How a message in a dead-letter queue died, read from its headers. Two writers exist:
 * RabbitMQ itself (the `x-death` table, when a queue dead-letters a rejected, expired or
 * over-delivered message), and Eventscope's own consumers, which republish a message they give
 * up on with `x-eventscope-*` headers because an AMQP 0-9-1 reject cannot carry a reason.
 */
export interface DeathRecord {
  cause: DeadLetterCause;
  reason: string;
  /** The exchange the message was published to; "" is the default exchange. */
  originalExchange: string;
  originalRoutingKey: string;
  /** The queue it died in. */
  originalQueue: string;
  deliveryCount: number;
  firstDeathAtMs: number;
  lastDeathAtMs: number;
}

/** AMQP timestamps are whole seconds; amqplib wraps them as `{ "!": "timestamp", value }`. */
const secondsSchema = z.union([
  z.object({ "!": z.literal("timestamp"), value: z.number() }).transform((stamp) => stamp.value),
  z.number(),
  z.date().transform((date) => date.getTime() / 1_000),
]);

const xDeathEntrySchema = z.object({
  count: z.number().int().nonnegative(),
  reason: z.string(),
  queue: z.string(),
  time: secondsSchema,
  exchange: z.string(),
  "routing-keys": z.array(z.string()).default([]),
});

/** Newest death first, as RabbitMQ keeps it. */
export const xDeathSchema = z.array(xDeathEntrySchema).min(1);
export type XDeathEntry = z.infer<typeof xDeathEntrySchema>;

const nativeReasons: Record<string, { cause: DeadLetterCause; text: string }> = {
  rejected: { cause: "rejected", text: "rejected by a consumer" },
  expired: { cause: "expired", text: "message TTL expired" },
  delivery_limit: { cause: "max-deliveries", text: "delivery limit reached" },
  maxlen: { cause: "unknown", text: "queue length limit exceeded" },
};

const causeSchema = z.enum(["max-deliveries", "rejected", "expired", "unknown"]);
const wholeNumberSchema = z.coerce.number().int().nonnegative();

function headerNumber(headers: AmqpHeaders, name: string): number | undefined {
  const parsed = wholeNumberSchema.safeParse(headerText(headers[name]));
  return parsed.success ? parsed.data : undefined;
}

/** The death record of a dead letter, or undefined when its headers record no death. */
export function parseDeathRecord(headers: AmqpHeaders | undefined): DeathRecord | undefined {
  const table = headers ?? {};
  return eventscopeDeath(table) ?? nativeDeath(table);
}

/** A death written by an Eventscope consumer; its own headers win over an older x-death. */
function eventscopeDeath(headers: AmqpHeaders): DeathRecord | undefined {
  const lastDeathAtMs = headerNumber(headers, deadLetterHeaders.deadLetteredAt);
  const reason = headerText(headers[deadLetterHeaders.reason]);
  if (lastDeathAtMs === undefined || reason === undefined) return undefined;
  const cause = causeSchema.safeParse(headerText(headers[deadLetterHeaders.cause]));
  return {
    cause: cause.success ? cause.data : "unknown",
    reason,
    originalExchange: headerText(headers[deadLetterHeaders.originalExchange]) ?? "",
    originalRoutingKey: headerText(headers[deadLetterHeaders.originalRoutingKey]) ?? "",
    originalQueue: headerText(headers[deadLetterHeaders.originalQueue]) ?? "",
    deliveryCount: headerNumber(headers, deadLetterHeaders.deliveryCount) ?? 1,
    firstDeathAtMs: Math.min(headerNumber(headers, replayHeaders.firstDeathAt) ?? lastDeathAtMs, lastDeathAtMs),
    lastDeathAtMs,
  };
}

/** A death RabbitMQ recorded in `x-death`. */
function nativeDeath(headers: AmqpHeaders): DeathRecord | undefined {
  const parsed = xDeathSchema.safeParse(headers["x-death"]);
  if (!parsed.success) return undefined;
  const [last] = parsed.data;
  const first = parsed.data.at(-1);
  if (last === undefined || first === undefined) return undefined;
  const known = nativeReasons[last.reason];
  // The first death tells where the message was originally published; later entries may be
  // hops through other dead-letter queues.
  const originalExchange = headerText(headers["x-first-death-exchange"]) ?? first.exchange;
  const deliveries = headerNumber(headers, "x-delivery-count");
  const deaths = parsed.data.reduce((sum, entry) => sum + entry.count, 0);
  const lastDeathAtMs = Math.round(last.time * 1_000);
  const oldestAtMs = Math.round(Math.min(...parsed.data.map((entry) => entry.time)) * 1_000);
  return {
    cause: known?.cause ?? "unknown",
    reason: known?.text ?? last.reason,
    originalExchange,
    originalRoutingKey: first["routing-keys"][0] ?? "",
    originalQueue: headerText(headers["x-first-death-queue"]) ?? first.queue,
    // Quorum queues count deliveries; otherwise each death stands for at least one.
    deliveryCount: deliveries === undefined ? Math.max(1, deaths) : deliveries + 1,
    firstDeathAtMs: Math.min(headerNumber(headers, replayHeaders.firstDeathAt) ?? oldestAtMs, oldestAtMs),
    lastDeathAtMs,
  };
}

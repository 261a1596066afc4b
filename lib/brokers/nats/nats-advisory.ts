import { z } from "zod";
import type { DeadLetterCause } from "../types";

/**
 * JetStream advisories that mean a message will not be delivered to a consumer again. The
 * server publishes them on `$JS.EVENT.ADVISORY.CONSUMER.<kind>.<stream>.<consumer>`.
 */
const maxDeliveriesSchema = z.object({
  type: z.literal("io.nats.jetstream.advisory.v1.max_deliver"),
  timestamp: z.string(),
  stream: z.string().min(1),
  consumer: z.string().min(1),
  stream_seq: z.number().int().positive(),
  deliveries: z.number().int().nonnegative(),
});

const terminatedSchema = z.object({
  type: z.literal("io.nats.jetstream.advisory.v1.terminated"),
  timestamp: z.string(),
  stream: z.string().min(1),
  consumer: z.string().min(1),
  stream_seq: z.number().int().positive(),
  deliveries: z.number().int().nonnegative(),
  reason: z.string().optional(),
});

const advisorySchema = z.discriminatedUnion("type", [maxDeliveriesSchema, terminatedSchema]);

/** What the DLQ needs from one advisory. */
export interface DeathNotice {
  stream: string;
  consumer: string;
  streamSequence: number;
  deliveryCount: number;
  cause: DeadLetterCause;
  reason: string;
  diedAtMs: number;
}

/**
 * The reason the adapter gives when it terminates a message it has already dead-lettered
 * itself (a nack on the last allowed delivery), so that the advisory it causes on servers
 * that publish one is not captured a second time.
 */
export const selfDeadLetteredReason = "eventscope: dead-lettered";

/**
 * Reads an advisory. `skip` for terminations the adapter caused itself; undefined for
 * anything that is not a recognised advisory.
 */
export function parseAdvisory(text: string, nowMs: number): DeathNotice | "skip" | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = advisorySchema.safeParse(json);
  if (!parsed.success) return undefined;
  const advisory = parsed.data;
  const at = Date.parse(advisory.timestamp);
  const base = {
    stream: advisory.stream,
    consumer: advisory.consumer,
    streamSequence: advisory.stream_seq,
    deliveryCount: advisory.deliveries,
    diedAtMs: Number.isNaN(at) ? nowMs : at,
  };
  if (advisory.type === "io.nats.jetstream.advisory.v1.max_deliver") {
    const times = advisory.deliveries === 1 ? "once" : `${advisory.deliveries} times`;
    return { ...base, cause: "max-deliveries", reason: `delivered ${times} without an acknowledgement` };
  }
  if (advisory.reason === selfDeadLetteredReason) return "skip";
  return { ...base, cause: "rejected", reason: advisory.reason?.trim() || "terminated by the consumer" };
}

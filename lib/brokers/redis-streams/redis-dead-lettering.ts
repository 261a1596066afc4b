import type { Redis } from "ioredis";
import { z } from "zod";
import { runScript } from "./redis-connection";
import { rawEntrySchema, toStreamEntry, type StreamEntry } from "./redis-entries";
import { deadLetterScript, sweepScript } from "./redis-scripts";

/**
 * The dead-letter mover, usable by any consumer of a Redis stream with a plain ioredis client:
 * call {@link sweepPending} instead of XAUTOCLAIM to take over expired leases (entries that used
 * up their deliveries go to `<stream>:dlq` instead), and {@link deadLetterEntry} to give up on
 * an entry at once. Both act atomically in a Lua script.
 */
export interface GroupTarget {
  /** The stream's key. */
  stream: string;
  /** The dead-letter stream's key, by convention `<stream>:dlq`. */
  deadLetterStream: string;
  /** The destination name recorded as the original one (the stream key without any prefix). */
  destination: string;
  group: string;
  /** The group member that receives the claimed entries. */
  consumer: string;
}

export interface SweepOptions {
  /** Leases idle at least this long are taken over. */
  ackTimeoutMs: number;
  maxDeliveries: number;
  /** At most this many pending entries are looked at. */
  count: number;
}

export interface ClaimedEntry {
  entry: StreamEntry;
  /** Including this delivery. */
  deliveries: number;
}

const sweepReplySchema = z.array(z.tuple([z.instanceof(Buffer), z.array(z.instanceof(Buffer)), z.number().int()]));

/** Claims expired leases for `target.consumer`, dead-lettering entries delivered `maxDeliveries` times. */
export async function sweepPending(client: Redis, target: GroupTarget, options: SweepOptions): Promise<ClaimedEntry[] | "protocol"> {
  const reply = await runScript(
    client,
    sweepScript,
    [target.stream, target.deadLetterStream],
    [target.group, target.consumer, options.ackTimeoutMs, options.count, options.maxDeliveries, target.destination],
    "binary",
  );
  const parsed = sweepReplySchema.safeParse(reply);
  if (!parsed.success) return "protocol";
  return parsed.data.map(([id, fields, deliveries]) => ({ entry: toStreamEntry(rawEntrySchema.parse([id, fields])), deliveries }));
}

export interface DeadLetterEntryOptions {
  entryId: string;
  /** The delivery being given up on; nothing happens when the entry was delivered again since. */
  deliveries: number;
  cause: "max-deliveries" | "rejected";
  reason: string;
}

/** Moves one entry leased by `target.consumer` to the dead-letter stream; false when the lease was lost. */
export async function deadLetterEntry(client: Redis, target: GroupTarget, options: DeadLetterEntryOptions): Promise<boolean> {
  const reply = await runScript(
    client,
    deadLetterScript,
    [target.stream, target.deadLetterStream],
    [target.group, target.consumer, options.entryId, options.deliveries, options.cause, options.reason, target.destination],
  );
  return reply === 1;
}

import { setTimeout as delay } from "node:timers/promises";
import { z } from "zod";
import type { Database } from "../../db";

/**
 * Idempotency keys for replay and discard, in the shared `BrokerOperationKey` table. Unlike the
 * embedded broker, a RabbitMQ publish cannot join a database transaction, so a key is claimed
 * (outcome `pending`) before acting and resolved after. Each dead letter also gets one row
 * under `<broker>/dead-letters`, claimed by the first key that acts on it: a replay under a
 * second key then answers `conflict` instead of publishing again, even if the first one
 * published but could not remove the dead letter from its queue.
 */
export type Action = "replay" | "discard";

export const outcomeSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("pending") }),
  z.object({ status: z.literal("replayed"), destination: z.string(), messageId: z.string() }),
  z.object({ status: z.literal("discarded") }),
  z.object({ status: z.literal("not-found") }),
  z.object({ status: z.literal("failed"), error: z.object({ code: z.literal("conflict"), message: z.string() }) }),
]);
export type Outcome = z.infer<typeof outcomeSchema>;
export type FinalOutcome = Exclude<Outcome, { status: "pending" }>;

export interface KeyRow {
  action: string;
  deadLetterId: string;
  outcome: Outcome;
  createdAtMs: number;
}

export interface OperationKeys {
  /** True when this call inserted the row; false when it was there already. */
  claim(broker: string, key: string, action: Action, deadLetterId: string): Promise<boolean>;
  read(broker: string, key: string): Promise<KeyRow | undefined>;
  resolve(broker: string, key: string, outcome: FinalOutcome): Promise<void>;
  forget(broker: string, key: string): Promise<void>;
  /** Polls a pending key until it resolves or `timeoutMs` passes. */
  awaitResolved(broker: string, key: string, timeoutMs: number): Promise<KeyRow | undefined>;
}

const pending = JSON.stringify({ status: "pending" });

export function operationKeys(database: Database): OperationKeys {
  async function read(broker: string, key: string): Promise<KeyRow | undefined> {
    const row = await database.brokerOperationKey.findUnique({ where: { broker_key: { broker, key } } });
    if (row === null) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(row.outcome);
    } catch {
      json = undefined;
    }
    const outcome = outcomeSchema.safeParse(json);
    return {
      action: row.action,
      deadLetterId: row.deadLetterId,
      outcome: outcome.success ? outcome.data : { status: "failed", error: { code: "conflict", message: `idempotency key ${key} has no readable outcome` } },
      createdAtMs: Number(row.createdAtMs),
    };
  }

  return {
    async claim(broker, key, action, deadLetterId) {
      const inserted = await database.$executeRaw`
        INSERT INTO "BrokerOperationKey" ("broker", "key", "action", "deadLetterId", "outcome", "createdAtMs")
        VALUES (${broker}, ${key}, ${action}, ${deadLetterId}, ${pending}, ${BigInt(Date.now())})
        ON CONFLICT DO NOTHING`;
      return inserted === 1;
    },
    read,
    async resolve(broker, key, outcome) {
      await database.brokerOperationKey.update({ where: { broker_key: { broker, key } }, data: { outcome: JSON.stringify(outcome) } });
    },
    async forget(broker, key) {
      await database.brokerOperationKey.deleteMany({ where: { broker, key } });
    },
    async awaitResolved(broker, key, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const row = await read(broker, key);
        if (row === undefined || row.outcome.status !== "pending" || Date.now() >= deadline) return row;
        await delay(50);
      }
    },
  };
}

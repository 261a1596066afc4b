import { z } from "zod";
import type { Database } from "../../db";
import type { DatabaseConfig } from "../../env";
import { Prisma } from "../../generated/prisma-sqlite/client";

/**
 * The statements of the embedded broker that Prisma's query API cannot express: claims and
 * takes that must be one statement so concurrent consumers never get the same delivery.
 * PostgreSQL locks the chosen rows with FOR UPDATE SKIP LOCKED; SQLite serialises writers, so
 * the same single statement is safe there without it. Identifiers are quoted and values cast
 * with CAST(… AS …) so one text serves both dialects.
 */
export type Provider = DatabaseConfig["provider"];

/** The database handle inside or outside a transaction. */
export type Executor = Prisma.TransactionClient | Database;

const count = z.union([z.number(), z.bigint(), z.string()]).transform((value) => Number(value));
const nullableCount = count.nullable();

const claimedRowSchema = z.object({ id: count, messageId: z.string(), deliveryCount: count });
export type ClaimedRow = z.infer<typeof claimedRowSchema>;

const takenRowSchema = claimedRowSchema.extend({ lastError: z.string().nullable() });
export type TakenRow = z.infer<typeof takenRowSchema>;

function skipLocked(provider: Provider): Prisma.Sql {
  return provider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
}

export interface ClaimRequest {
  subscriptionId: string;
  maxDeliveries: number;
  ackTimeoutMs: number;
  limit: number;
  leaseToken: string;
  nowMs: number;
}

/**
 * Leases up to `limit` visible deliveries that still have deliveries left, oldest first. The
 * previous attempt's error is cleared, so a last lease that times out dies of "ack timeout".
 */
export async function claimDeliveries(database: Executor, provider: Provider, request: ClaimRequest): Promise<ClaimedRow[]> {
  const now = BigInt(request.nowMs);
  const rows = await database.$queryRaw`
    UPDATE "BrokerDelivery"
    SET "leaseToken" = ${request.leaseToken},
        "visibleAtMs" = ${now + BigInt(request.ackTimeoutMs)},
        "deliveryCount" = "deliveryCount" + 1,
        "lastError" = NULL
    WHERE "id" IN (
      SELECT "id" FROM "BrokerDelivery"
      WHERE "subscriptionId" = ${request.subscriptionId} AND "visibleAtMs" <= ${now} AND "deliveryCount" < ${request.maxDeliveries}
      ORDER BY "id" LIMIT ${request.limit} ${skipLocked(provider)})
    RETURNING "id", "messageId", "deliveryCount"`;
  return z.array(claimedRowSchema).parse(rows).sort((a, b) => a.id - b.id);
}

export interface TakeExpiredRequest {
  subscriptionId: string;
  maxDeliveries: number;
  limit: number;
  nowMs: number;
}

/**
 * Removes deliveries whose last allowed lease ran out, for dead-lettering in the same
 * transaction; a delivery is taken by one caller only.
 */
export async function takeExpiredAtMax(database: Executor, provider: Provider, request: TakeExpiredRequest): Promise<TakenRow[]> {
  const rows = await database.$queryRaw`
    DELETE FROM "BrokerDelivery"
    WHERE "id" IN (
      SELECT "id" FROM "BrokerDelivery"
      WHERE "subscriptionId" = ${request.subscriptionId} AND "visibleAtMs" <= ${BigInt(request.nowMs)} AND "deliveryCount" >= ${request.maxDeliveries}
      ORDER BY "id" LIMIT ${request.limit} ${skipLocked(provider)})
    RETURNING "id", "messageId", "deliveryCount", "lastError"`;
  return z.array(takenRowSchema).parse(rows);
}

/** Removes one leased delivery, for dead-lettering; empty when the lease is no longer held. */
export async function takeLeased(database: Executor, deliveryId: number, leaseToken: string): Promise<TakenRow[]> {
  const rows = await database.$queryRaw`
    DELETE FROM "BrokerDelivery" WHERE "id" = ${deliveryId} AND "leaseToken" = ${leaseToken}
    RETURNING "id", "messageId", "deliveryCount", "lastError"`;
  return z.array(takenRowSchema).parse(rows);
}

/** Creates the topic if needed; names are the primary key, so concurrent creators agree. */
export function ensureTopic(database: Executor, topic: string, nowMs: number): Prisma.PrismaPromise<number> {
  return database.$executeRaw`
    INSERT INTO "BrokerTopic" ("name", "createdAtMs") VALUES (${topic}, ${BigInt(nowMs)}) ON CONFLICT DO NOTHING`;
}

/** One delivery of the message for every subscription the topic has at this moment. */
export function fanOut(database: Executor, topic: string, messageId: string, nowMs: number): Prisma.PrismaPromise<number> {
  const now = BigInt(nowMs);
  return database.$executeRaw`
    INSERT INTO "BrokerDelivery" ("subscriptionId", "messageId", "deliveryCount", "visibleAtMs", "enqueuedAtMs")
    SELECT "id", CAST(${messageId} AS TEXT), 0, CAST(${now} AS BIGINT), CAST(${now} AS BIGINT)
    FROM "BrokerSubscription" WHERE "topicName" = ${topic}`;
}

const lagRowSchema = z.object({
  topicName: z.string(),
  name: z.string(),
  waiting: nullableCount,
  inFlight: nullableCount,
  oldestEnqueuedAtMs: nullableCount,
});
export type LagRow = z.infer<typeof lagRowSchema>;

/**
 * Waiting: not leased, or leased but the lease ran out. In flight: leased and the lease holds.
 * One pass over the deliveries of the selected subscriptions.
 */
export async function readLagRows(database: Executor, nowMs: number, filter: { topic?: string; subscription?: string }): Promise<LagRow[]> {
  const now = BigInt(nowMs);
  const conditions = [Prisma.sql`1 = 1`];
  if (filter.topic !== undefined) conditions.push(Prisma.sql`s."topicName" = ${filter.topic}`);
  if (filter.subscription !== undefined) conditions.push(Prisma.sql`s."name" = ${filter.subscription}`);
  const waiting = Prisma.sql`(d."leaseToken" IS NULL OR d."visibleAtMs" <= ${now})`;
  const rows = await database.$queryRaw`
    SELECT s."topicName" AS "topicName", s."name" AS "name",
      SUM(CASE WHEN d."id" IS NOT NULL AND ${waiting} THEN 1 ELSE 0 END) AS "waiting",
      SUM(CASE WHEN d."leaseToken" IS NOT NULL AND d."visibleAtMs" > ${now} THEN 1 ELSE 0 END) AS "inFlight",
      MIN(CASE WHEN ${waiting} THEN d."enqueuedAtMs" END) AS "oldestEnqueuedAtMs"
    FROM "BrokerSubscription" s LEFT JOIN "BrokerDelivery" d ON d."subscriptionId" = s."id"
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY s."topicName", s."name"
    ORDER BY s."topicName", s."name"`;
  return z.array(lagRowSchema).parse(rows);
}

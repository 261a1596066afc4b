import type { Redis } from "ioredis";
import { z } from "zod";
import { failed, ok, type BrokerResult } from "../broker-result";
import type { BrokerDescription, ConsumerInfo, HealthResult, LagQuery, LagReading } from "../types";
import { withRedis } from "./redis-connection";
import type { RedisContext } from "./redis-context";
import { scanKeys } from "./redis-dead-letters";
import { consumerSettingsSchema } from "./redis-messaging";
import { streamIdTime } from "./redis-names";

/**
 * What the portal reads: health, the streams with their consumer groups, and lag from XINFO
 * GROUPS — `lag` (entries not yet delivered to the group) is the waiting count, `pending`
 * (delivered, not acknowledged) the in-flight one.
 */
const groupSchema = z.object({
  name: z.string(),
  pending: z.number().int().nonnegative(),
  "last-delivered-id": z.string(),
  // Null when Redis cannot tell (entries deleted in the unread range); counted by hand then.
  lag: z.number().int().nonnegative().nullable().optional(),
});
type GroupInfo = z.infer<typeof groupSchema>;

const groupsReplySchema = z.array(z.array(z.union([z.string(), z.number(), z.null()])));

/** How many entries a group's lag is counted up to when Redis does not know it. */
export const lagCountLimit = 100_000;

/** Turns a flat `[name, value, …]` reply into an object. */
export function pairs(flat: readonly unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let index = 0; index + 1 < flat.length; index += 2) record[String(flat[index])] = flat[index + 1];
  return record;
}

/** The stream's consumer groups; none when the stream does not exist. */
async function readGroups(client: Redis, stream: string): Promise<GroupInfo[] | "protocol"> {
  let reply: unknown;
  try {
    reply = await client.xinfo("GROUPS", stream);
  } catch (error) {
    if (error instanceof Error && /no such key/i.test(error.message)) return [];
    throw error;
  }
  const groups = groupsReplySchema.safeParse(reply);
  if (!groups.success) return "protocol";
  const parsed = groups.data.map((flat) => groupSchema.safeParse(pairs(flat)));
  return parsed.every((group) => group.success) ? parsed.map((group) => group.data!) : "protocol";
}

const rangeIdsSchema = z.array(z.tuple([z.string(), z.unknown()]));

async function entriesAfter(client: Redis, stream: string, afterId: string, count: number): Promise<string[]> {
  return rangeIdsSchema.parse(await client.call("XRANGE", stream, `(${afterId}`, "+", "COUNT", count)).map(([id]) => id);
}

async function waitingCount(client: Redis, stream: string, group: GroupInfo): Promise<number> {
  if (typeof group.lag === "number") return group.lag;
  let counted = 0;
  let after = group["last-delivered-id"];
  while (counted < lagCountLimit) {
    const ids = await entriesAfter(client, stream, after, 1_000);
    counted += ids.length;
    const last = ids.at(-1);
    if (ids.length < 1_000 || last === undefined) break;
    after = last;
  }
  return counted;
}

async function redisNowMs(client: Redis): Promise<number> {
  const [seconds, micros] = z.tuple([z.coerce.number(), z.coerce.number()]).parse(await client.time());
  return seconds * 1_000 + Math.floor(micros / 1_000);
}

/** Destinations under the prefix: every stream except dead-letter streams. */
async function destinations(client: Redis, context: RedisContext): Promise<string[]> {
  const keys = await scanKeys(client, context.names.everything(), "stream");
  return keys.flatMap((key) => {
    const named = context.names.destinationOf(key);
    return named !== undefined && !named.deadLetters ? [named.destination] : [];
  });
}

export async function readLag(context: RedisContext, query: LagQuery): Promise<BrokerResult<LagReading[]>> {
  const read = await withRedis(context.connection, async (client) => {
    const nowMs = await redisNowMs(client);
    const readAt = new Date(nowMs);
    const readings: LagReading[] = [];
    const names = query.destination === undefined ? await destinations(client, context) : [query.destination];
    for (const destination of names) {
      const stream = context.names.stream(destination);
      const groups = await readGroups(client, stream);
      if (groups === "protocol") return "protocol" as const;
      for (const group of groups) {
        if (query.consumer !== undefined && group.name !== query.consumer) continue;
        const waiting = await waitingCount(client, stream, group);
        const [oldest] = waiting > 0 ? await entriesAfter(client, stream, group["last-delivered-id"], 1) : [];
        const oldestAt = oldest === undefined ? undefined : streamIdTime(oldest);
        readings.push({
          destination,
          consumer: group.name,
          waiting,
          inFlight: group.pending,
          oldestWaitingAgeMs: oldestAt === undefined ? null : Math.max(0, nowMs - oldestAt),
          partitions: null,
          readAt,
        });
      }
    }
    return readings;
  });
  if (read.status !== "ok") return read;
  return read.value === "protocol" ? failed("protocol", "Redis answered XINFO GROUPS with something unexpected") : ok(read.value);
}

function consumerInfo(group: GroupInfo, settings: Record<string, string>): ConsumerInfo {
  const text = settings[group.name];
  let stored: unknown;
  try {
    stored = text === undefined ? undefined : JSON.parse(text);
  } catch {
    stored = undefined;
  }
  const parsed = consumerSettingsSchema.safeParse(stored);
  return { name: group.name, maxDeliveries: parsed.success ? parsed.data.maxDeliveries : null };
}

const versionPattern = /^redis_version:(\S+)/m;

async function serverVersion(client: Redis): Promise<string | null> {
  return versionPattern.exec(await client.info("server"))?.[1] ?? null;
}

export async function describe(context: RedisContext): Promise<BrokerResult<BrokerDescription>> {
  const read = await withRedis(context.connection, async (client): Promise<BrokerDescription | "protocol"> => {
    const version = await serverVersion(client);
    const described: BrokerDescription["destinations"] = [];
    for (const destination of await destinations(client, context)) {
      const stream = context.names.stream(destination);
      const groups = await readGroups(client, stream);
      if (groups === "protocol") return "protocol";
      const settings = await client.hgetall(context.names.consumerSettings(destination));
      const unconsumed = await Promise.all(groups.map(async (group) => (await waitingCount(client, stream, group)) + group.pending));
      described.push({
        name: destination,
        kind: "stream",
        // Entries some group has not yet acknowledged; a stream without groups keeps all it holds.
        depth: groups.length === 0 ? await client.xlen(stream) : Math.max(...unconsumed),
        partitions: null,
        deadLetterDestination: `${destination}:dlq`,
        consumers: groups.map((group) => consumerInfo(group, settings)),
      });
    }
    return { kind: "redis-streams", version, destinations: described };
  });
  if (read.status !== "ok") return read;
  return read.value === "protocol" ? failed("protocol", "Redis answered XINFO GROUPS with something unexpected") : ok(read.value);
}

export async function checkHealth(context: RedisContext): Promise<HealthResult> {
  const started = performance.now();
  const latencyMs = () => Math.round((performance.now() - started) * 100) / 100;
  const result = await withRedis(context.connection, async (client) => {
    await client.ping();
    return serverVersion(client);
  });
  if (result.status === "ok") return { status: "up", latencyMs: latencyMs(), version: result.value };
  return { status: "down", latencyMs: latencyMs(), error: result.error };
}

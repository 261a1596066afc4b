import type { Redis } from "ioredis";
import { z } from "zod";
import { failed, ok, type BrokerNotFound, type BrokerResult } from "../broker-result";
import { decodeCursor, encodeCursor } from "../cursor";
import { matchesDeadLetterFilter } from "../dead-letter-filter";
import type { DeadLetter, DeadLetterFilter, DeadLetterPage, ListDeadLettersRequest } from "../types";
import { withRedis } from "./redis-connection";
import type { RedisContext } from "./redis-context";
import { decodeDeadLetter, rawEntriesSchema, toStreamEntry, type DecodedDeadLetter, type StreamEntry } from "./redis-entries";
import { compareStreamIds, parseDeadLetterId, parseStreamId, type RedisNames } from "./redis-names";

/**
 * Dead letters live in one `<destination>:dlq` stream per destination. A page is the newest
 * entries across the streams in question, ordered by (entry id, destination) descending — the
 * entry id is the time of death by Redis' clock — and the cursor is the last of those pairs.
 */
const cursorSchema = z.object({ id: z.string().refine((id) => parseStreamId(id) !== undefined), destination: z.string() });
type Cursor = z.infer<typeof cursorSchema>;

export const maxPageSize = 500;

const scanReplySchema = z.tuple([z.string(), z.array(z.string())]);

/** Every key of `type` matching `pattern`; SCAN may repeat keys, so they are deduplicated. */
export async function scanKeys(client: Redis, pattern: string, type: string): Promise<string[]> {
  const keys = new Set<string>();
  let cursor = "0";
  do {
    const [next, batch] = scanReplySchema.parse(await client.scan(cursor, "MATCH", pattern, "COUNT", 1_000, "TYPE", type));
    for (const key of batch) keys.add(key);
    cursor = next;
  } while (cursor !== "0");
  return [...keys].sort();
}

async function deadLetterDestinations(client: Redis, names: RedisNames, filter: DeadLetterFilter): Promise<string[]> {
  if (filter.destination !== undefined) return [filter.destination];
  const keys = await scanKeys(client, names.deadLetterStreams(), "stream");
  return keys.flatMap((key) => {
    const named = names.destinationOf(key);
    return named?.deadLetters === true ? [named.destination] : [];
  });
}

type Found = DecodedDeadLetter & { entryId: string; destination: string };

/** Newest first by (id, destination); the order of pages. */
function newerFirst(a: Found, b: Found): number {
  const byId = compareStreamIds(b.entryId, a.entryId);
  if (byId !== 0) return byId;
  return a.destination === b.destination ? 0 : a.destination < b.destination ? 1 : -1;
}

/** Up to `want` dead letters of one destination that pass the filter and come after the cursor. */
async function collect(client: Redis, context: RedisContext, destination: string, filter: DeadLetterFilter, after: Cursor | undefined, want: number): Promise<Found[] | "protocol"> {
  const key = context.names.deadLetterStream(destination);
  // Entries at the cursor's id belong to this page's successors only in destinations ordered after it.
  let end = after === undefined ? "+" : destination < after.destination ? after.id : `(${after.id}`;
  // The id's time is never before the recorded last death, so `since` can bound the range; `until` cannot.
  const start = filter.since === undefined ? "-" : String(filter.since.getTime());
  const batch = Math.min(1_000, Math.max(100, want * 2));
  const found: Found[] = [];
  for (;;) {
    const parsed = rawEntriesSchema.safeParse(await client.callBuffer("XREVRANGE", key, end, start, "COUNT", batch));
    if (!parsed.success) return "protocol";
    for (const raw of parsed.data) {
      const entry = toStreamEntry(raw);
      const letter = decodeDeadLetter(entry, destination);
      const candidate = { originalDestination: letter.summary.originalDestination, reason: letter.summary.reason, lastDeathAt: letter.summary.lastDeathAt, payload: letter.message.payload };
      if (matchesDeadLetterFilter(filter, candidate)) found.push({ ...letter, entryId: entry.id, destination });
      if (found.length >= want) return found;
    }
    const last = parsed.data.at(-1);
    if (parsed.data.length < batch || last === undefined) return found;
    end = `(${last[0].toString("utf8")}`;
  }
}

export async function listDeadLetters(context: RedisContext, request: ListDeadLettersRequest): Promise<BrokerResult<DeadLetterPage>> {
  if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > maxPageSize) {
    return failed("invalid", `limit must be a whole number from 1 to ${maxPageSize}`);
  }
  const position = request.cursor === undefined ? undefined : decodeCursor(request.cursor, cursorSchema);
  if (position !== undefined && position.status !== "ok") return position;
  const filter = request.filter ?? {};
  const read = await withRedis(context.connection, async (client) => {
    const destinations = await deadLetterDestinations(client, context.names, filter);
    const found: Found[] = [];
    for (const destination of destinations) {
      const letters = await collect(client, context, destination, filter, position?.value, request.limit + 1);
      if (letters === "protocol") return "protocol" as const;
      found.push(...letters);
    }
    return found.sort(newerFirst);
  });
  if (read.status !== "ok") return read;
  if (read.value === "protocol") return failed("protocol", "Redis answered XREVRANGE with something unexpected");
  const page = read.value.slice(0, request.limit);
  const last = page.at(-1);
  const nextCursor = read.value.length > request.limit && last !== undefined ? encodeCursor({ id: last.entryId, destination: last.destination } satisfies Cursor) : null;
  return ok({ items: page.map((letter) => letter.summary), nextCursor });
}

/** The dead-letter entry an id names, still waiting in its stream; undefined when gone or never there. */
export async function readDeadLetterEntry(client: Redis, context: RedisContext, id: string): Promise<{ entry: StreamEntry; letter: DecodedDeadLetter } | undefined | "protocol"> {
  const parsedId = parseDeadLetterId(id);
  if (parsedId === undefined) return undefined;
  const reply = rawEntriesSchema.safeParse(await client.callBuffer("XRANGE", context.names.deadLetterStream(parsedId.destination), parsedId.entryId, parsedId.entryId));
  if (!reply.success) return "protocol";
  const raw = reply.data[0];
  if (raw === undefined) return undefined;
  const entry = toStreamEntry(raw);
  return { entry, letter: decodeDeadLetter(entry, parsedId.destination) };
}

export async function readDeadLetter(context: RedisContext, id: string): Promise<BrokerResult<DeadLetter> | BrokerNotFound> {
  if (parseDeadLetterId(id) === undefined) return { status: "not-found" };
  const read = await withRedis(context.connection, (client) => readDeadLetterEntry(client, context, id));
  if (read.status !== "ok") return read;
  if (read.value === "protocol") return failed("protocol", "Redis answered XRANGE with something unexpected");
  if (read.value === undefined) return { status: "not-found" };
  const { message, summary } = read.value.letter;
  if (message.headers === undefined) return failed("protocol", `dead letter ${id} has headers that are not a flat object of strings`);
  return ok({ ...summary, payload: message.payload, headers: message.headers });
}

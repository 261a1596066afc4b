import { z } from "zod";
import { failed, ok, type BrokerNotFound, type BrokerResult } from "../broker-result";
import { decodeCursor, encodeCursor } from "../cursor";
import { parseHeadersJson } from "../headers";
import type { DeadLetter, DeadLetterCause, DeadLetterPage, DeadLetterSummary, ListDeadLettersRequest } from "../types";
import type { EmbeddedContext } from "./embedded-context";
import { guarded } from "./embedded-errors";

/** Keyset position: last death time and id of the last item of the previous page. */
const cursorSchema = z.object({ at: z.number().int(), id: z.number().int() });

export const maxPageSize = 500;

const causeSchema = z.enum(["max-deliveries", "rejected", "expired", "unknown"]).catch("unknown");

/** Dead-letter ids are the delivery ids; anything else names no dead letter. */
export function parseDeadLetterId(id: string): number | undefined {
  if (!/^[1-9]\d{0,9}$/.test(id)) return undefined;
  const value = Number(id);
  return value <= 2_147_483_647 ? value : undefined;
}

interface DeadLetterRow {
  id: number;
  topicName: string;
  subscriptionName: string;
  messageId: string;
  key: string | null;
  payload: Uint8Array;
  headers: string;
  cause: string;
  reason: string;
  deliveryCount: number;
  firstDeathAtMs: bigint;
  lastDeathAtMs: bigint;
}

function toSummary(row: DeadLetterRow): DeadLetterSummary {
  return {
    id: String(row.id),
    deadLetterDestination: `${row.topicName}/dead-letters`,
    originalDestination: row.topicName,
    originalPosition: null,
    consumer: row.subscriptionName,
    messageId: row.messageId,
    key: row.key,
    cause: causeSchema.parse(row.cause) satisfies DeadLetterCause,
    reason: row.reason,
    deliveryCount: row.deliveryCount,
    firstDeathAt: new Date(Number(row.firstDeathAtMs)),
    lastDeathAt: new Date(Number(row.lastDeathAtMs)),
    payloadBytes: row.payload.byteLength,
  };
}

/** Waiting dead letters, newest first, filtered in the database. */
export async function listDeadLetters(context: EmbeddedContext, request: ListDeadLettersRequest): Promise<BrokerResult<DeadLetterPage>> {
  if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > maxPageSize) {
    return failed("invalid", `limit must be a whole number from 1 to ${maxPageSize}`);
  }
  const position = request.cursor === undefined ? undefined : decodeCursor(request.cursor, cursorSchema);
  if (position !== undefined && position.status !== "ok") return position;
  const filter = request.filter ?? {};
  const conditions = [
    filter.destination === undefined ? {} : { topicName: filter.destination },
    filter.reason === undefined ? {} : { reasonSearch: { contains: filter.reason.toLowerCase() } },
    filter.text === undefined ? {} : { payloadSearch: { contains: filter.text.toLowerCase() } },
    filter.since === undefined ? {} : { lastDeathAtMs: { gte: BigInt(filter.since.getTime()) } },
    filter.until === undefined ? {} : { lastDeathAtMs: { lt: BigInt(filter.until.getTime()) } },
    position === undefined
      ? {}
      : {
          OR: [
            { lastDeathAtMs: { lt: BigInt(position.value.at) } },
            { lastDeathAtMs: BigInt(position.value.at), id: { lt: position.value.id } },
          ],
        },
  ];
  const rows = await guarded(() =>
    context.database.brokerDeadLetter.findMany({
      where: { status: "WAITING", AND: conditions },
      orderBy: [{ lastDeathAtMs: "desc" }, { id: "desc" }],
      take: request.limit + 1,
    }),
  );
  if (rows.status !== "ok") return rows;
  const page = rows.value.slice(0, request.limit);
  const last = page.at(-1);
  const nextCursor = rows.value.length > request.limit && last !== undefined ? encodeCursor({ at: Number(last.lastDeathAtMs), id: last.id }) : null;
  return ok({ items: page.map(toSummary), nextCursor });
}

export async function readDeadLetter(context: EmbeddedContext, id: string): Promise<BrokerResult<DeadLetter> | BrokerNotFound> {
  const numericId = parseDeadLetterId(id);
  if (numericId === undefined) return { status: "not-found" };
  const read = await guarded(() => context.database.brokerDeadLetter.findFirst({ where: { id: numericId, status: "WAITING" } }));
  if (read.status !== "ok") return read;
  const row = read.value;
  if (row === null) return { status: "not-found" };
  const headers = parseHeadersJson(row.headers);
  if (headers === undefined) return failed("protocol", `dead letter ${id} has headers that are not a flat object of strings`);
  return ok({ ...toSummary(row), payload: row.payload, headers });
}

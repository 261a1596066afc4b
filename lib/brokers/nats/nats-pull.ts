import { createInbox, type Msg, type MsgHdrs, type NatsConnection } from "@nats-io/transport-node";

/**
 * One pull request on a durable or ephemeral pull consumer, spoken directly
 * (`$JS.API.CONSUMER.MSG.NEXT`) rather than through the library's `fetch`, for two reasons:
 * `fetch` refuses waits under a second while the broker interface allows 0 ("return at
 * once"), and ending on the server's own end-of-request status (404, 408) means no message
 * can arrive after the caller stopped listening and sit unacknowledged until its ack timeout.
 */
export interface PullRequest {
  stream: string;
  consumer: string;
  batch: number;
  /** 0 asks the server to answer with what it has now. */
  waitMs: number;
  /** Added to `waitMs` as a guard against a server that never ends the request. */
  graceMs: number;
}

/**
 * Added to the server-side expiry. NATS 2.9 loses a delivery (counts it, sends nothing, never
 * answers 408) when a pull request expires in the same instant as an ack deadline passes —
 * which is systematic when a consumer re-pulls right after a delivery with a wait equal to its
 * ack timeout. An odd offset keeps the two instants apart for the round numbers people use;
 * the message itself is not lost either way, only delayed by one ack timeout.
 */
const expiryOffsetMs = 17;

/** Statuses that end a pull request: no messages, request expired, or a 409 (consumer deleted, limits). */
function endStatus(message: Msg): { code: number; description: string } | undefined {
  const code = message.headers?.code ?? 0;
  if (code === 0 || code === 100) return undefined;
  return { code, description: message.headers?.description ?? "" };
}

/** What one pull request brought back. */
export interface PullOutcome {
  messages: Msg[];
  /** A 409 from the server (consumer deleted, too many waiting pulls), if the request ended with one. */
  conflict: string | null;
}

/** Sends one pull request and collects its messages until the server ends it or the batch is full. */
export async function pull(nc: NatsConnection, request: PullRequest): Promise<PullOutcome> {
  const messages: Msg[] = [];
  if (request.batch <= 0) return { messages, conflict: null };
  const inbox = createInbox();
  const subscription = nc.subscribe(inbox);
  const guard = setTimeout(() => subscription.unsubscribe(), request.waitMs + expiryOffsetMs + request.graceMs);
  const body = request.waitMs === 0 ? { batch: request.batch, no_wait: true } : { batch: request.batch, expires: (request.waitMs + expiryOffsetMs) * 1_000_000 };
  let conflict: string | null = null;
  try {
    nc.publish(`$JS.API.CONSUMER.MSG.NEXT.${request.stream}.${request.consumer}`, JSON.stringify(body), { reply: inbox });
    for await (const message of subscription) {
      if (message.headers?.code === 100) continue;
      const status = endStatus(message);
      if (status !== undefined) {
        if (status.code === 409) conflict = status.description || "the pull request was refused";
        break;
      }
      messages.push(message);
      if (messages.length >= request.batch) break;
    }
  } finally {
    clearTimeout(guard);
    subscription.unsubscribe();
  }
  return { messages, conflict };
}

/** Message headers as a flat record (the first value of a repeated header). */
export function headersOf(headers: MsgHdrs | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (headers === undefined) return result;
  for (const name of headers.keys()) result[name] = headers.get(name);
  return result;
}

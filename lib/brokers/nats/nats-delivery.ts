/**
 * Where a JetStream delivery came from, read from its ack subject:
 * `$JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.<consumer seq>.<time ns>.<pending>`,
 * or the newer form with `<domain>.<account hash>` after `$JS.ACK` and a random token at the end.
 */
export interface DeliveryInfo {
  stream: string;
  consumer: string;
  /** 1 on the first delivery. */
  deliveryCount: number;
  streamSequence: number;
  /** When the message was stored, in ms since the epoch. */
  storedAtMs: number;
  /** Messages left for the consumer after this one. */
  pending: number;
}

function count(token: string | undefined): number | undefined {
  if (token === undefined || !/^\d+$/.test(token)) return undefined;
  const value = Number(token);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Parses an ack subject; undefined when it is not one. */
export function parseAckSubject(subject: string): DeliveryInfo | undefined {
  const tokens = subject.split(".");
  if (tokens[0] !== "$JS" || tokens[1] !== "ACK") return undefined;
  // v1 has 9 tokens; v2 inserts domain and account hash (11) and may append a token (12).
  const fields = tokens.length === 9 ? tokens.slice(2) : tokens.length >= 11 ? tokens.slice(4, 11) : undefined;
  if (fields === undefined) return undefined;
  const [stream, consumer, delivered, streamSeq, , timestamp, pending] = fields;
  const deliveryCount = count(delivered);
  const streamSequence = count(streamSeq);
  const left = count(pending);
  if (!stream || !consumer || deliveryCount === undefined || streamSequence === undefined || left === undefined || timestamp === undefined || !/^\d+$/.test(timestamp)) {
    return undefined;
  }
  return { stream, consumer, deliveryCount, streamSequence, storedAtMs: Number(BigInt(timestamp) / 1_000_000n), pending: left };
}

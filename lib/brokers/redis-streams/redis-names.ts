/**
 * Where things live in Redis. A destination is a stream at `<prefix><destination>`, its dead
 * letters a stream at `<prefix><destination>:dlq`; Eventscope's own bookkeeping (consumer
 * settings, idempotency keys, resolved-dead-letter markers) sits under `<prefix>eventscope:`
 * in hashes and strings, so a scan for streams never mistakes it for a destination.
 */
export const deadLetterSuffix = ":dlq";

export interface RedisNames {
  readonly prefix: string;
  stream(destination: string): string;
  deadLetterStream(destination: string): string;
  /** Hash of consumer group → JSON settings (max deliveries, ack timeout) for one destination. */
  consumerSettings(destination: string): string;
  /** Hash holding the outcome of the replay or discard done under an idempotency key. */
  operation(idempotencyKey: string): string;
  /** String set when a dead letter is replayed or discarded, so a late request hears why it is gone. */
  resolved(deadLetterId: string): string;
  /** SCAN pattern for every key under the prefix. */
  everything(): string;
  /** SCAN pattern for the dead-letter streams under the prefix. */
  deadLetterStreams(): string;
  /** The destination a scanned stream key stands for; undefined for keys outside the prefix. */
  destinationOf(streamKey: string): { destination: string; deadLetters: boolean } | undefined;
}

/** Escapes the glob characters SCAN MATCH understands, so a prefix matches only itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (character) => `\\${character}`);
}

export function redisNames(prefix: string): RedisNames {
  const internal = `${prefix}eventscope:`;
  return {
    prefix,
    stream: (destination) => `${prefix}${destination}`,
    deadLetterStream: (destination) => `${prefix}${destination}${deadLetterSuffix}`,
    consumerSettings: (destination) => `${internal}consumers:${destination}`,
    operation: (idempotencyKey) => `${internal}operation:${idempotencyKey}`,
    resolved: (deadLetterId) => `${internal}resolved:${deadLetterId}`,
    everything: () => `${escapeGlob(prefix)}*`,
    deadLetterStreams: () => `${escapeGlob(prefix)}*${deadLetterSuffix}`,
    destinationOf(streamKey) {
      if (!streamKey.startsWith(prefix) || streamKey.length === prefix.length) return undefined;
      const name = streamKey.slice(prefix.length);
      if (name.endsWith(deadLetterSuffix) && name.length > deadLetterSuffix.length) {
        return { destination: name.slice(0, -deadLetterSuffix.length), deadLetters: true };
      }
      return { destination: name, deadLetters: false };
    },
  };
}

/** A stream entry id, `<milliseconds>-<sequence>`, as numbers that compare exactly. */
export interface StreamId {
  ms: bigint;
  seq: bigint;
}

const streamIdPattern = /^(\d{1,20})-(\d{1,20})$/;

export function parseStreamId(id: string): StreamId | undefined {
  const match = streamIdPattern.exec(id);
  if (match === null) return undefined;
  return { ms: BigInt(match[1]!), seq: BigInt(match[2]!) };
}

/** Negative when `a` is older than `b`; ids that do not parse sort first. */
export function compareStreamIds(a: string, b: string): number {
  const left = parseStreamId(a);
  const right = parseStreamId(b);
  if (left === undefined || right === undefined) return left === right ? 0 : left === undefined ? -1 : 1;
  if (left.ms !== right.ms) return left.ms < right.ms ? -1 : 1;
  return left.seq === right.seq ? 0 : left.seq < right.seq ? -1 : 1;
}

/** When Redis added the entry (the id's time part), in ms since the epoch. */
export function streamIdTime(id: string): number | undefined {
  const parsed = parseStreamId(id);
  return parsed === undefined ? undefined : Number(parsed.ms);
}

/**
 * Dead-letter ids name the entry and its destination — `<entry id>@<destination>` — so one id
 * leads straight to its dead-letter stream. The entry id never holds `@`, so the first one
 * splits them whatever the destination is called.
 */
export function formatDeadLetterId(entryId: string, destination: string): string {
  return `${entryId}@${destination}`;
}

export function parseDeadLetterId(id: string): { entryId: string; destination: string } | undefined {
  const at = id.indexOf("@");
  if (at < 0) return undefined;
  const entryId = id.slice(0, at);
  const destination = id.slice(at + 1);
  if (parseStreamId(entryId) === undefined || destination.length === 0) return undefined;
  return { entryId, destination };
}

import type { SpanRecord } from "./span-record";

/**
 * Bloom filters of span buckets (see Span in prisma/schema.prisma): which keys a full bucket may
 * hold, so that a read by key probes only those buckets. A key is hashed once into two 32-bit
 * hashes; the filter's bit positions are derived from them (Kirsch and Mitzenmacher). Every
 * filter has the same size, so that a directory can keep them bit-sliced (bucket-directory.ts).
 */

/**
 * Bits of a filter: 16 KiB. A bucket's spans bring about four keys each (their trace, a link, a
 * message id, a business key): some 16 bits a key, and with 10 probes about 0.02% false positives.
 */
export const bloomBits = 1 << 17;
export const bloomProbes = 10;

/** What a key is of: a span's trace, a link's target trace, a message id, a business key. */
export type BloomKind = "trace" | "link" | "message" | "key";

const kindSeeds: Record<BloomKind, number> = { trace: 0x9e3779b9, link: 0x85ebca6b, message: 0xc2b2ae35, key: 0x27d4eb2f };

/** FNV-1a, then Murmur3's finaliser: every input bit moves every output bit. */
function stringHash(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** A key's two hashes. Trace ids are hashed as their normalised hex text. */
export function bloomHashes(kind: BloomKind, key: string): [number, number] {
  const seed = kindSeeds[kind];
  return [stringHash(key, seed), stringHash(key, ~seed) | 1];
}

/** The filter's bit for a key's hashes and a probe, in [0, bits) for a power-of-two `bits`. Self-contained, as the SQLite writer thread runs its source. */
export function bloomBit(first: number, second: number, probe: number, bits: number): number {
  return (first + Math.imul(probe, second)) & (bits - 1);
}

/** A business key as one text, as its filter holds it. */
export function businessKeyText(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** The keys a span adds to its bucket's filter, as flattened hash pairs: its trace, its links' traces, its message id, its business keys. */
export function spanBloomHashes(span: SpanRecord): number[] {
  const hashes = bloomHashes("trace", span.traceId);
  for (const link of span.links) hashes.push(...bloomHashes("link", link.traceId));
  if (span.messaging?.messageId) hashes.push(...bloomHashes("message", span.messaging.messageId));
  for (const key of span.keys) hashes.push(...bloomHashes("key", businessKeyText(key.key, key.value)));
  return hashes;
}

/**
 * The filter of `hashes` (pairs from {@link bloomHashes}, flattened), of `bits` bits set by
 * `probes` probes a key. The SQLite writer thread runs its source and {@link bloomBit}'s.
 */
export function buildBloom(hashes: readonly number[], bits: number, probes: number): Uint8Array {
  const bloom = new Uint8Array(bits / 8);
  for (let index = 0; index < hashes.length; index += 2) {
    for (let probe = 0; probe < probes; probe++) {
      const bit = bloomBit(hashes[index]!, hashes[index + 1]!, probe, bits);
      bloom[bit >>> 3] = bloom[bit >>> 3]! | (1 << (bit & 7));
    }
  }
  return bloom;
}

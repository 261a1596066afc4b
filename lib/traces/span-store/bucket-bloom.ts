import { traceKey } from "./span-keys";
import type { SpanRecord } from "./span-record";

/**
 * Bloom filters of span buckets (see Span in prisma/schema.prisma): which keys a full bucket may
 * hold, so that a read by key probes only those buckets. A key is hashed once into two 32-bit
 * hashes; the filter's bit positions are derived from them (Kirsch and Mitzenmacher), 7 bits a
 * key in 10 bits a key: under 1% false positives.
 */

/** What a key is of: a span's trace, a link's target trace, a message id, a business key. */
export type BloomKind = "trace" | "link" | "message" | "key";

const kindSeeds: Record<BloomKind, number> = { trace: 0x9e3779b9, link: 0x85ebca6b, message: 0xc2b2ae35, key: 0x27d4eb2f };

/** Murmur3's finaliser: every input bit moves every output bit. */
function mix(value: number): number {
  let hash = value >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

function stringHash(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return mix(hash);
}

/** A key's two hashes: a 64-bit key (trace keys are random already) by its halves, text by FNV-1a twice. */
export function bloomHashes(kind: BloomKind, key: bigint | string): [number, number] {
  const seed = kindSeeds[kind];
  if (typeof key === "bigint") return [mix(Number(BigInt.asUintN(32, key)) ^ seed), mix(Number(BigInt.asUintN(32, key >> 32n)) + seed) | 1];
  return [stringHash(key, seed), stringHash(key, ~seed) | 1];
}

/** A business key as one text, as its filter holds it. */
export function businessKeyText(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** The keys a span adds to its bucket's filter, as flattened hash pairs: its trace, its links' traces, its message id, its business keys. */
export function spanBloomHashes(span: SpanRecord): number[] {
  return [
    ...bloomHashes("trace", traceKey(span.traceId)),
    ...span.links.flatMap((link) => bloomHashes("link", traceKey(link.traceId))),
    ...(span.messaging?.messageId ? bloomHashes("message", span.messaging.messageId) : []),
    ...span.keys.flatMap((key) => bloomHashes("key", businessKeyText(key.key, key.value))),
  ];
}

/**
 * The filter of `hashes` (pairs from {@link bloomHashes}, flattened). Self-contained, because the
 * SQLite writer thread runs its source.
 */
export function buildBloom(hashes: readonly number[]): Uint8Array {
  const bitsPerKey = 10;
  const probes = 7;
  const bits = Math.max(64, Math.ceil(((hashes.length / 2) * bitsPerKey) / 8) * 8);
  const bloom = new Uint8Array(bits / 8);
  for (let index = 0; index < hashes.length; index += 2) {
    for (let probe = 0; probe < probes; probe++) {
      const bit = ((hashes[index]! + Math.imul(probe, hashes[index + 1]!)) >>> 0) % bits;
      bloom[bit >>> 3] = bloom[bit >>> 3]! | (1 << (bit & 7));
    }
  }
  return bloom;
}

/** Whether the filter may hold the key of `hashes`: false means it certainly does not. */
export function bloomMayHold(bloom: Uint8Array, [first, second]: readonly [number, number]): boolean {
  const bits = bloom.length * 8;
  for (let probe = 0; probe < 7; probe++) {
    const bit = ((first + Math.imul(probe, second)) >>> 0) % bits;
    if ((bloom[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

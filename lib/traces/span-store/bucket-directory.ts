import type { Database } from "../../db";
import { bloomBit, bloomBits, bloomHashes, bloomProbes, type BloomKind } from "./bucket-bloom";

/** A key a read looks spans up by. */
export interface BucketProbe {
  kind: BloomKind;
  /** A trace id (32 lower-case hex characters), a message id, or a business key's text. */
  key: string;
}

/** How a directory reads SpanBucket: the newest bucket; every bucket, with whether its filter is written; the filters of some. */
export interface BucketSource {
  newest(): Promise<number | null>;
  buckets(): Promise<{ bucket: number; closed: boolean }[]>;
  blooms(buckets: readonly number[]): Promise<{ bucket: number; bloom: Uint8Array }[]>;
}

/** Which span buckets a read by key probes (see Span in prisma/schema.prisma). */
export interface BucketDirectory {
  /** The buckets that may hold one of the keys: those whose filter may hold one, and those still filling. */
  candidates(probes: readonly BucketProbe[]): Promise<number[]>;
  /** The buckets that may hold each key, in the order of `probes`. */
  candidatesEach(probes: readonly BucketProbe[]): Promise<number[][]>;
}

/**
 * The filters of full buckets, bit-sliced: for each bit of a filter, one bit per bucket (per slot,
 * which a deleted bucket frees). A key's candidates are the AND of its probes' rows, some ten
 * times buckets/32 word operations, where testing each filter in turn would cost a few each.
 */
function createBloomSlices() {
  let words = 1;
  let rows = new Uint32Array(bloomBits * words);
  let live = new Uint32Array(words);
  const bucketAt: (number | undefined)[] = [];
  const slotOf = new Map<number, number>();
  const freeSlots: number[] = [];

  function grow(): void {
    const wider = new Uint32Array(bloomBits * words * 2);
    for (let bit = 0; bit < bloomBits; bit++) wider.set(rows.subarray(bit * words, (bit + 1) * words), bit * words * 2);
    const widerLive = new Uint32Array(words * 2);
    widerLive.set(live);
    [rows, live, words] = [wider, widerLive, words * 2];
  }

  return {
    has: (bucket: number) => slotOf.has(bucket),
    buckets: () => slotOf.keys(),
    add(bucket: number, bloom: Uint8Array): void {
      const slot = freeSlots.pop() ?? bucketAt.length;
      if (slot >= words * 32) grow();
      const [word, mask] = [slot >>> 5, 1 << (slot & 31)];
      for (let byte = 0; byte < bloom.length; byte++) {
        const bits = bloom[byte]!;
        if (bits === 0) continue;
        for (let bit = 0; bit < 8; bit++) if (bits & (1 << bit)) rows[(byte * 8 + bit) * words + word]! |= mask;
      }
      live[word]! |= mask;
      bucketAt[slot] = bucket;
      slotOf.set(bucket, slot);
    },
    remove(bucket: number): void {
      const slot = slotOf.get(bucket)!;
      const [word, mask] = [slot >>> 5, ~(1 << (slot & 31))];
      for (let bit = 0; bit < bloomBits; bit++) rows[bit * words + word]! &= mask;
      live[word]! &= mask;
      bucketAt[slot] = undefined;
      slotOf.delete(bucket);
      freeSlots.push(slot);
    },
    /** The buckets whose filter may hold the key of `hashes`. */
    candidates([first, second]: [number, number]): number[] {
      const held = live.slice();
      for (let probe = 0; probe < bloomProbes; probe++) {
        const row = bloomBit(first, second, probe, bloomBits) * words;
        let any = 0;
        for (let word = 0; word < words; word++) any |= held[word]! &= rows[row + word]!;
        if (any === 0) return [];
      }
      const buckets: number[] = [];
      for (let word = 0; word < words; word++) {
        for (let bits = held[word]!; bits !== 0; bits &= bits - 1) buckets.push(bucketAt[word * 32 + (31 - Math.clz32(bits & -bits))]!);
      }
      return buckets;
    },
  };
}

/**
 * A directory that keeps the filters of full buckets, which never change, and lists the buckets
 * again when a newer one appears: the writer fills a bucket's filter in the transaction that
 * starts the next one. A bucket still filling has no filter and is probed for every key. A bucket
 * that retention deleted meanwhile is probed for nothing.
 */
export function createBucketDirectory(source: BucketSource): BucketDirectory {
  const slices = createBloomSlices();
  let listedUpTo: number | null | undefined;
  let unfiltered: number[] = [];
  async function refresh(): Promise<void> {
    const newest = await source.newest();
    if (newest === listedUpTo) return;
    const buckets = await source.buckets();
    const present = new Set(buckets.map(({ bucket }) => bucket));
    for (const bucket of [...slices.buckets()]) if (!present.has(bucket)) slices.remove(bucket);
    const missing = buckets.filter(({ bucket, closed }) => closed && !slices.has(bucket)).map(({ bucket }) => bucket);
    if (missing.length > 0) for (const { bucket, bloom } of await source.blooms(missing)) slices.add(bucket, bloom);
    unfiltered = buckets.filter(({ bucket }) => !slices.has(bucket)).map(({ bucket }) => bucket);
    listedUpTo = newest;
  }
  const candidatesOf = (probe: BucketProbe) => slices.candidates(bloomHashes(probe.kind, probe.key)).concat(unfiltered);
  return {
    async candidates(probes) {
      if (probes.length === 0) return [];
      await refresh();
      return [...new Set(probes.flatMap(candidatesOf))].sort((a, b) => a - b);
    },
    async candidatesEach(probes) {
      await refresh();
      return probes.map((probe) => candidatesOf(probe).sort((a, b) => a - b));
    },
  };
}

/**
 * The directory of a store that keeps every span in bucket 0, as PostgreSQL does (see Span in
 * prisma/schema.prisma): it saves the trace view and the order flow a round trip per read.
 */
export const bucketZeroDirectory: BucketDirectory = {
  candidates: async (probes) => (probes.length === 0 ? [] : [0]),
  candidatesEach: async (probes) => probes.map(() => [0]),
};

/** SpanBucket through Prisma. */
function prismaBucketSource(database: Database): BucketSource {
  return {
    newest: async () => (await database.spanBucket.findFirst({ orderBy: { bucket: "desc" }, select: { bucket: true } }))?.bucket ?? null,
    buckets: async () =>
      (await database.$queryRaw<{ bucket: number | bigint; closed: number | bigint }[]>`SELECT "bucket", CASE WHEN "bloom" IS NULL THEN 0 ELSE 1 END AS "closed" FROM "SpanBucket"`).map(
        (row) => ({ bucket: Number(row.bucket), closed: Number(row.closed) === 1 }),
      ),
    blooms: async (buckets) =>
      (await database.spanBucket.findMany({ where: { bucket: { in: [...buckets] } }, select: { bucket: true, bloom: true } })).flatMap((row) =>
        row.bloom ? [{ bucket: row.bucket, bloom: row.bloom }] : [],
      ),
  };
}

const directories = new WeakMap<Database, BucketDirectory>();

/** The directory of the buckets of `database`, one per Prisma client. */
export function bucketDirectory(database: Database): BucketDirectory {
  let directory = directories.get(database);
  if (directory === undefined) {
    directory = createBucketDirectory(prismaBucketSource(database));
    directories.set(database, directory);
  }
  return directory;
}

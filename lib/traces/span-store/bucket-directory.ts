import type { Database } from "../../db";
import { bloomHashes, bloomMayHold, type BloomKind } from "./bucket-bloom";

/** A key a read looks spans up by. */
export interface BucketProbe {
  kind: BloomKind;
  key: bigint | string;
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
 * A directory that keeps the buckets and the filters of full ones, which never change, and lists
 * them again when a newer bucket appears: the writer fills a bucket's filter in the transaction
 * that starts the next one. A bucket that retention deleted meanwhile is probed for nothing.
 */
export function createBucketDirectory(source: BucketSource): BucketDirectory {
  const blooms = new Map<number, Uint8Array>();
  let listedUpTo: number | null | undefined;
  let listed: { bucket: number; bloom: Uint8Array | undefined }[] = [];
  // Every bucket, with its filter once it has one.
  async function current(): Promise<{ bucket: number; bloom: Uint8Array | undefined }[]> {
    const newest = await source.newest();
    if (newest === listedUpTo) return listed;
    const buckets = await source.buckets();
    const missing = buckets.filter(({ bucket, closed }) => closed && !blooms.has(bucket)).map(({ bucket }) => bucket);
    if (missing.length > 0) for (const { bucket, bloom } of await source.blooms(missing)) blooms.set(bucket, bloom);
    const present = new Set(buckets.map(({ bucket }) => bucket));
    for (const bucket of blooms.keys()) if (!present.has(bucket)) blooms.delete(bucket);
    listed = buckets.map(({ bucket }) => ({ bucket, bloom: blooms.get(bucket) }));
    listedUpTo = newest;
    return listed;
  }
  const mayHold = (bloom: Uint8Array | undefined, hash: [number, number]) => bloom === undefined || bloomMayHold(bloom, hash);
  return {
    async candidates(probes) {
      const hashes = probes.map((probe) => bloomHashes(probe.kind, probe.key));
      return (await current()).filter(({ bloom }) => hashes.some((hash) => mayHold(bloom, hash))).map(({ bucket }) => bucket);
    },
    async candidatesEach(probes) {
      const buckets = await current();
      return probes.map((probe) => {
        const hash = bloomHashes(probe.kind, probe.key);
        return buckets.filter(({ bloom }) => mayHold(bloom, hash)).map(({ bucket }) => bucket);
      });
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

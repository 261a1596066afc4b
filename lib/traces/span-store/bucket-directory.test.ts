import { describe, expect, it } from "vitest";
import { bloomBits, bloomHashes, bloomProbes, buildBloom } from "./bucket-bloom";
import { createBucketDirectory, type BucketSource } from "./bucket-directory";

/** SpanBucket as a directory reads it, kept in memory, counting the filters it hands out. */
function bucketTable(rows: Map<number, Uint8Array | null>) {
  const served: number[] = [];
  const source: BucketSource = {
    newest: async () => (rows.size === 0 ? null : Math.max(...rows.keys())),
    buckets: async () => [...rows].map(([bucket, bloom]) => ({ bucket, closed: bloom !== null })),
    blooms: async (buckets) => {
      served.push(...buckets);
      return buckets.flatMap((bucket) => (rows.get(bucket) ? [{ bucket, bloom: rows.get(bucket)! }] : []));
    },
  };
  return { source, served };
}

// Trace ids by their last hex digits, as a test reads them.
const traceId = (suffix: number) => suffix.toString(16).padStart(32, "0");
const trace = (suffix: number) => ({ kind: "trace" as const, key: traceId(suffix) });
const traceBloom = (...suffixes: number[]) => buildBloom(suffixes.flatMap((suffix) => bloomHashes("trace", traceId(suffix))), bloomBits, bloomProbes);

describe("bucket directory", () => {
  it("names the full buckets whose filter may hold a key, and every bucket still filling", async () => {
    const { source } = bucketTable(new Map([[1, traceBloom(11, 12)], [2, traceBloom(21)], [3, null]]));
    const directory = createBucketDirectory(source);
    expect(await directory.candidates([trace(21)])).toEqual([2, 3]);
    expect(await directory.candidates([trace(11), trace(21)])).toEqual([1, 2, 3]);
    expect(await directory.candidatesEach([trace(12), { kind: "link", key: traceId(12) }])).toEqual([[1, 3], [3]]);
    expect(await directory.candidates([])).toEqual([]);
  });

  it("reads the buckets again when a newer one appears, each full bucket's filter once, and forgets deleted buckets then", async () => {
    const rows = new Map<number, Uint8Array | null>([[1, traceBloom(11)], [2, null]]);
    const { source, served } = bucketTable(rows);
    const directory = createBucketDirectory(source);
    expect(await directory.candidates([trace(11)])).toEqual([1, 2]);
    // The writer fills bucket 2's filter as it starts bucket 3.
    rows.set(2, traceBloom(22));
    rows.set(3, null);
    expect(await directory.candidates([trace(22)])).toEqual([2, 3]);
    rows.delete(1);
    expect(await directory.candidates([trace(11)])).toEqual([1, 3]);
    rows.set(4, null);
    expect(await directory.candidates([trace(11)])).toEqual([3, 4]);
    expect(served).toEqual([1, 2]);
  });

  it("finds a key's bucket among a hundred, as buckets come and go", async () => {
    const rows = new Map<number, Uint8Array | null>(Array.from({ length: 100 }, (_, bucket) => [bucket, traceBloom(bucket)]));
    const directory = createBucketDirectory(bucketTable(rows).source);
    expect(await directory.candidatesEach([trace(7), trace(70), trace(99), trace(1000)])).toEqual([[7], [70], [99], []]);
    // Retention deletes the oldest buckets; newer ones take their place in the directory.
    for (let bucket = 0; bucket < 40; bucket++) rows.delete(bucket);
    for (let bucket = 100; bucket < 150; bucket++) rows.set(bucket, traceBloom(bucket));
    expect(await directory.candidatesEach([trace(7), trace(70), trace(120), trace(149)])).toEqual([[], [70], [120], [149]]);
  });
});

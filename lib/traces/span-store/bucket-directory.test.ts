import { describe, expect, it } from "vitest";
import { bloomHashes, buildBloom } from "./bucket-bloom";
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

const traceBloom = (...keys: bigint[]) => buildBloom(keys.flatMap((key) => bloomHashes("trace", key)));

describe("bucket directory", () => {
  it("names the full buckets whose filter may hold a key, and every bucket still filling", async () => {
    const { source } = bucketTable(new Map([[1, traceBloom(11n, 12n)], [2, traceBloom(21n)], [3, null]]));
    const directory = createBucketDirectory(source);
    expect(await directory.candidates([{ kind: "trace", key: 21n }])).toEqual([2, 3]);
    expect(await directory.candidates([{ kind: "trace", key: 11n }, { kind: "trace", key: 21n }])).toEqual([1, 2, 3]);
    expect(await directory.candidatesEach([{ kind: "trace", key: 12n }, { kind: "link", key: 12n }])).toEqual([[1, 3], [3]]);
    expect(await directory.candidates([])).toEqual([]);
  });

  it("reads the buckets again when a newer one appears, each full bucket's filter once, and forgets deleted buckets then", async () => {
    const rows = new Map<number, Uint8Array | null>([[1, traceBloom(11n)], [2, null]]);
    const { source, served } = bucketTable(rows);
    const directory = createBucketDirectory(source);
    expect(await directory.candidates([{ kind: "trace", key: 11n }])).toEqual([1, 2]);
    // The writer fills bucket 2's filter as it starts bucket 3.
    rows.set(2, traceBloom(22n));
    rows.set(3, null);
    expect(await directory.candidates([{ kind: "trace", key: 22n }])).toEqual([2, 3]);
    rows.delete(1);
    expect(await directory.candidates([{ kind: "trace", key: 11n }])).toEqual([1, 3]);
    rows.set(4, null);
    expect(await directory.candidates([{ kind: "trace", key: 11n }])).toEqual([3, 4]);
    expect(served).toEqual([1, 2]);
  });
});

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bloomBit, bloomBits, bloomHashes, bloomProbes, buildBloom } from "./bucket-bloom";

const randomTraceId = () => randomBytes(16).toString("hex");
const build = (hashes: number[]) => buildBloom(hashes, bloomBits, bloomProbes);
/** Whether every bit that `bloomBit` names for the key is set, as the bucket directory reads a filter. */
const mayHold = (bloom: Uint8Array, [first, second]: [number, number]) =>
  Array.from({ length: bloomProbes }, (_, probe) => bloomBit(first, second, probe, bloomBits)).every((bit) => (bloom[bit >>> 3]! & (1 << (bit & 7))) !== 0);

describe("bucket bloom filters", () => {
  it("holds every key of a full bucket, and very few others", () => {
    const held = Array.from({ length: 4 * 2048 }, randomTraceId);
    const bloom = build(held.flatMap((key) => bloomHashes("trace", key)));
    expect(bloom.length * 8).toBe(bloomBits);
    expect(held.every((key) => mayHold(bloom, bloomHashes("trace", key)))).toBe(true);
    const others = Array.from({ length: 20_000 }, randomTraceId);
    const falsePositives = others.filter((key) => mayHold(bloom, bloomHashes("trace", key))).length;
    expect(falsePositives / others.length).toBeLessThan(0.002);
  });

  it("tells kinds apart: a trace is not a link to that trace", () => {
    const keys = Array.from({ length: 1_000 }, randomTraceId);
    const bloom = build(keys.flatMap((key) => bloomHashes("trace", key)));
    expect(keys.filter((key) => mayHold(bloom, bloomHashes("link", key))).length).toBeLessThan(5);
  });

  it("hashes keys that differ in one character apart, such as business keys", () => {
    const held = Array.from({ length: 5_000 }, (_, index) => `order.id\u00001${index}`);
    const bloom = build(held.flatMap((key) => bloomHashes("key", key)));
    expect(held.every((key) => mayHold(bloom, bloomHashes("key", key)))).toBe(true);
    const others = Array.from({ length: 5_000 }, (_, index) => `order.id\u00002${index}`);
    expect(others.filter((key) => mayHold(bloom, bloomHashes("key", key))).length).toBeLessThan(10);
  });

  it("runs from its own source text, as the SQLite writer thread runs it", () => {
    const hashes = [bloomHashes("message", "m-1"), bloomHashes("message", "m-2")].flat();
    const rebuilt = new Function(`${bloomBit.toString()}; return (${buildBloom.toString()})`)() as typeof buildBloom;
    expect(rebuilt(hashes, bloomBits, bloomProbes)).toEqual(build(hashes));
  });

  it("holds nothing when empty", () => {
    expect(mayHold(build([]), bloomHashes("trace", randomTraceId()))).toBe(false);
  });
});

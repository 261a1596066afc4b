import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bloomHashes, bloomMayHold, buildBloom } from "./bucket-bloom";

const randomKey = () => randomBytes(8).readBigInt64LE();

describe("bucket bloom filters", () => {
  it("holds every key it was built from, and few others", () => {
    const held = Array.from({ length: 20_000 }, randomKey);
    const bloom = buildBloom(held.flatMap((key) => bloomHashes("trace", key)));
    expect(held.every((key) => bloomMayHold(bloom, bloomHashes("trace", key)))).toBe(true);
    const others = Array.from({ length: 20_000 }, randomKey);
    const falsePositives = others.filter((key) => bloomMayHold(bloom, bloomHashes("trace", key))).length;
    expect(falsePositives / others.length).toBeLessThan(0.02);
  });

  it("tells kinds apart: a trace key is not a link to that trace", () => {
    const keys = Array.from({ length: 1_000 }, randomKey);
    const bloom = buildBloom(keys.flatMap((key) => bloomHashes("trace", key)));
    expect(keys.filter((key) => bloomMayHold(bloom, bloomHashes("link", key))).length).toBeLessThan(30);
  });

  it("hashes text keys, such as message ids and business keys", () => {
    const held = Array.from({ length: 5_000 }, (_, index) => `order.id\u00001${index}`);
    const bloom = buildBloom(held.flatMap((key) => bloomHashes("key", key)));
    expect(held.every((key) => bloomMayHold(bloom, bloomHashes("key", key)))).toBe(true);
    const others = Array.from({ length: 5_000 }, (_, index) => `order.id\u00002${index}`);
    expect(others.filter((key) => bloomMayHold(bloom, bloomHashes("key", key))).length).toBeLessThan(100);
  });

  it("runs from its own source text, as the SQLite writer thread runs it", () => {
    const hashes = [bloomHashes("message", "m-1"), bloomHashes("message", "m-2")].flat();
    const rebuilt = new Function(`return (${buildBloom.toString()})`)() as typeof buildBloom;
    expect(rebuilt(hashes)).toEqual(buildBloom(hashes));
  });

  it("holds nothing when empty", () => {
    expect(bloomMayHold(buildBloom([]), bloomHashes("trace", 42n))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { readBodyLimited } from "./read-body-limited";

async function* chunks(sizes: number[], onRead: () => void = () => undefined) {
  for (const size of sizes) {
    onRead();
    yield new Uint8Array(size).fill(7);
  }
}

describe("readBodyLimited", () => {
  it("returns the whole body under the limit", async () => {
    const result = await readBodyLimited(chunks([3, 4]), 10);
    expect(result).toEqual({ ok: true, body: Buffer.alloc(7, 7) });
  });

  it("stops reading at the first chunk past the limit", async () => {
    let reads = 0;
    const result = await readBodyLimited(chunks([6, 6, 6, 6], () => reads++), 10);
    expect(result).toEqual({ ok: false, tooLarge: true });
    expect(reads).toBe(2);
  });
});

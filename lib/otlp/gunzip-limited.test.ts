import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gunzipLimited } from "./gunzip-limited";

const MiB = 1024 * 1024;
const payload = Buffer.from(JSON.stringify({ resourceSpans: Array.from({ length: 200 }, (_, index) => ({ index })) }));

describe("gunzipLimited", () => {
  it("inflates a valid body", async () => {
    expect(await gunzipLimited(gzipSync(payload), MiB)).toEqual({ ok: true, body: payload });
  });

  it("inflates concatenated gzip members as one body", async () => {
    const result = await gunzipLimited(Buffer.concat([gzipSync("abc"), gzipSync("def")]), MiB);
    expect(result.ok && result.body.toString()).toBe("abcdef");
  });

  it("allows a body of exactly the limit", async () => {
    const result = await gunzipLimited(gzipSync(payload), payload.length);
    expect(result.ok).toBe(true);
    expect(await gunzipLimited(gzipSync(payload), payload.length - 1)).toMatchObject({ ok: false, status: 413 });
  });

  it("answers 400 for a truncated body", async () => {
    const compressed = gzipSync(payload);
    expect(await gunzipLimited(compressed.subarray(0, compressed.length - 12), MiB)).toEqual({ ok: false, status: 400, message: "The gzip body is truncated" });
  });

  it.each([
    ["plain text", Buffer.from("this is not gzip at all")],
    ["an empty body", Buffer.alloc(0)],
    ["a corrupt stream", Buffer.concat([gzipSync(payload).subarray(0, 10), Buffer.alloc(64, 0xff)])],
  ])("answers 400 for %s", async (_what, body) => {
    expect(await gunzipLimited(body, MiB)).toMatchObject({ ok: false, status: 400 });
  });

  it("answers 413 for 70 MiB of zeros against a 64 MiB limit", async () => {
    const bomb = gzipSync(Buffer.alloc(70 * MiB));
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await gunzipLimited(bomb, 64 * MiB)).toEqual({ ok: false, status: 413, message: `The body inflates to more than ${64 * MiB} bytes` });
  });

  it("stops inflating a bomb as soon as it passes the limit", async () => {
    // 8 GiB of zeros in 8 MiB of gzip members: inflating it all would take many seconds and gigabytes.
    const member = gzipSync(Buffer.alloc(MiB));
    const bomb = Buffer.concat(Array.from({ length: 8192 }, () => member));
    const externalBefore = process.memoryUsage().arrayBuffers;
    const startedAt = performance.now();
    const result = await gunzipLimited(bomb, 4 * MiB);
    const elapsedMs = performance.now() - startedAt;
    expect(result).toMatchObject({ ok: false, status: 413 });
    expect(elapsedMs).toBeLessThan(1_000);
    expect(process.memoryUsage().arrayBuffers - externalBefore).toBeLessThan(64 * MiB);
  });
});

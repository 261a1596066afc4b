import { describe, expect, it } from "vitest";
import { inTraces, spanKey, traceKey } from "./span-keys";

describe("span keys", () => {
  it("takes the low 64 bits of a trace id as a signed integer", () => {
    expect(traceKey("0af7651916cd43dd8448eb211c80319c")).toBe(-0x7bb714dee37fce64n);
    expect(traceKey("00000000000000000000000000000001")).toBe(1n);
    expect(traceKey("ffffffffffffffffffffffffffffffff")).toBe(-1n);
  });

  it("keeps every bit of a span id", () => {
    expect(spanKey("7fffffffffffffff")).toBe(0x7fffffffffffffffn);
    expect(spanKey("8000000000000000")).toBe(-0x8000000000000000n);
    expect(spanKey("b7ad6b7169203331")).not.toBe(spanKey("b7ad6b7169203332"));
  });

  it("matches traces by key and by full id, once each", () => {
    const ids = ["aaaaaaaaaaaaaaaa0000000000000001", "bbbbbbbbbbbbbbbb0000000000000001", "aaaaaaaaaaaaaaaa0000000000000001"];
    expect(inTraces(ids, [0, 3])).toEqual({ bucket: { in: [0, 3] }, traceKey: { in: [1n] }, traceId: { in: ids.slice(0, 2) } });
  });
});

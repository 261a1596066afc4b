import { describe, expect, it } from "vitest";
import { compareStreamIds, escapeGlob, formatDeadLetterId, parseDeadLetterId, parseStreamId, redisNames, streamIdTime } from "./redis-names";

describe("redis key names", () => {
  const names = redisNames("team[a]:");

  it("puts destinations, dead letters and bookkeeping under the prefix", () => {
    expect(names.stream("orders")).toBe("team[a]:orders");
    expect(names.deadLetterStream("orders")).toBe("team[a]:orders:dlq");
    expect(names.operation("k")).toBe("team[a]:eventscope:operation:k");
    expect(names.consumerSettings("orders")).toBe("team[a]:eventscope:consumers:orders");
  });

  it("escapes the prefix in scan patterns", () => {
    expect(escapeGlob("a*b?c[d]\\")).toBe("a\\*b\\?c\\[d\\]\\\\");
    expect(names.everything()).toBe("team\\[a\\]:*");
    expect(names.deadLetterStreams()).toBe("team\\[a\\]:*:dlq");
  });

  it("maps scanned keys back to destinations", () => {
    expect(names.destinationOf("team[a]:orders")).toEqual({ destination: "orders", deadLetters: false });
    expect(names.destinationOf("team[a]:orders:dlq")).toEqual({ destination: "orders", deadLetters: true });
    expect(names.destinationOf("team[a]::dlq")).toEqual({ destination: ":dlq", deadLetters: false });
    expect(names.destinationOf("other:orders")).toBeUndefined();
    expect(names.destinationOf("team[a]:")).toBeUndefined();
  });
});

describe("stream ids", () => {
  it("parses and orders them numerically", () => {
    expect(parseStreamId("1700000000000-12")).toEqual({ ms: 1700000000000n, seq: 12n });
    expect(parseStreamId("1700000000000")).toBeUndefined();
    expect(compareStreamIds("9-0", "10-0")).toBeLessThan(0);
    expect(compareStreamIds("10-2", "10-10")).toBeLessThan(0);
    expect(compareStreamIds("10-2", "10-2")).toBe(0);
    expect(compareStreamIds("11-0", "10-99")).toBeGreaterThan(0);
    expect(streamIdTime("1700000000123-4")).toBe(1700000000123);
  });
});

describe("dead-letter ids", () => {
  it("round-trip whatever the destination is called", () => {
    const id = formatDeadLetterId("1700000000000-0", "orders@eu:v1");
    expect(id).toBe("1700000000000-0@orders@eu:v1");
    expect(parseDeadLetterId(id)).toEqual({ entryId: "1700000000000-0", destination: "orders@eu:v1" });
  });

  it("name nothing when malformed", () => {
    for (const id of ["999999999", "1-0@", "@orders", "x-1@orders", ""]) expect(parseDeadLetterId(id)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { selfUrl } from "./start-demo";

describe("the demo's settings", () => {
  it("run the demo at 20 orders a minute by default", () => {
    expect(parseEnv({})).toMatchObject({ EVENTSCOPE_DEMO: "on", EVENTSCOPE_DEMO_ORDERS_PER_MINUTE: 20 });
    expect(parseEnv({ EVENTSCOPE_DEMO: "off", EVENTSCOPE_DEMO_ORDERS_PER_MINUTE: "2.5" })).toMatchObject({ EVENTSCOPE_DEMO: "off", EVENTSCOPE_DEMO_ORDERS_PER_MINUTE: 2.5 });
  });

  it.each([
    [{ EVENTSCOPE_DEMO: "no" }, /^Invalid configuration: EVENTSCOPE_DEMO expected "on" or "off" \(got "no"\)$/],
    [{ EVENTSCOPE_DEMO_ORDERS_PER_MINUTE: "fast" }, /^Invalid configuration: EVENTSCOPE_DEMO_ORDERS_PER_MINUTE expected a number of orders per minute \(got "fast"\)$/],
    [{ EVENTSCOPE_DEMO_ORDERS_PER_MINUTE: "0" }, /^Invalid configuration: EVENTSCOPE_DEMO_ORDERS_PER_MINUTE expected a positive number/],
    [{ EVENTSCOPE_DEMO_ORDERS_PER_MINUTE: "10000" }, /^Invalid configuration: EVENTSCOPE_DEMO_ORDERS_PER_MINUTE expected at most 600/],
  ])("reject %j in one line", (raw, message) => {
    expect(() => parseEnv(raw)).toThrow(message);
  });

  it("reach the server through loopback when it listens on every interface", () => {
    expect(selfUrl({ HOSTNAME: "0.0.0.0", PORT: 3500 })).toBe("http://127.0.0.1:3500");
    expect(selfUrl({ HOSTNAME: "::", PORT: 3000 })).toBe("http://127.0.0.1:3000");
    expect(selfUrl({ HOSTNAME: "10.0.0.5", PORT: 3000 })).toBe("http://10.0.0.5:3000");
    expect(selfUrl({ HOSTNAME: "::1", PORT: 3000 })).toBe("http://[::1]:3000");
  });
});

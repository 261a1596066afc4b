import { describe, expect, it } from "vitest";
import { findingsFor, joinUsage, type ObservedService } from "./observed-usage";

const declared = { name: "order.placed", producers: ["checkout"], consumers: ["payment", "email"], bindings: [{ destination: "order.placed" }] };
const seen = (service: string, role: ObservedService["role"]): ObservedService => ({ service, role, messages: 3, lastSeen: "2026-11-01T00:00:00.000Z" });

describe("findingsFor", () => {
  it("finds nothing when run time matches the declarations", () => {
    expect(findingsFor(declared, [seen("checkout", "publish"), seen("payment", "consume"), seen("email", "consume")], ["order.placed"])).toEqual([]);
  });

  it("names undeclared producers and consumers, silent declared consumers and unlisted destinations", () => {
    const findings = findingsFor(declared, [seen("checkout", "publish"), seen("legacy-shop", "publish"), seen("payment", "consume"), seen("fraud", "consume")], ["order.placed", "orders.v1"]);
    expect(findings.map((finding) => finding.kind).sort()).toEqual(
      ["DECLARED_CONSUMER_NEVER_SEEN", "RUNTIME_ONLY_DESTINATION", "UNDECLARED_CONSUMER", "UNDECLARED_PRODUCER"].sort(),
    );
    expect(findings.find((finding) => finding.kind === "DECLARED_CONSUMER_NEVER_SEEN")).toMatchObject({ service: "email" });
  });

  it("flags an event sent with no consumer", () => {
    expect(findingsFor(declared, [seen("checkout", "publish")], []).map((finding) => finding.kind)).toContain("SENT_WITHOUT_CONSUMER");
  });

  it("says nothing about silence before anything was seen", () => {
    expect(findingsFor(declared, [], [])).toEqual([]);
  });
});

describe("joinUsage", () => {
  it("puts declared and observed side by side, producers first", () => {
    const rows = joinUsage(
      [
        { service: "email", eventType: "order.placed", role: "consume" },
        { service: "checkout", eventType: "order.placed", role: "publish" },
      ],
      [
        { service: "checkout", eventType: "order.placed", role: "publish", messages: 12, lastSeen: "2026-11-01T00:00:00.000Z" },
        { service: "fraud", eventType: "order.placed", role: "consume", messages: 3, lastSeen: "2026-11-01T00:01:00.000Z" },
      ],
    );
    expect(rows).toEqual([
      { service: "checkout", eventType: "order.placed", role: "publish", declared: true, messages: 12, lastSeen: "2026-11-01T00:00:00.000Z" },
      { service: "email", eventType: "order.placed", role: "consume", declared: true, messages: 0, lastSeen: null },
      { service: "fraud", eventType: "order.placed", role: "consume", declared: false, messages: 3, lastSeen: "2026-11-01T00:01:00.000Z" },
    ]);
  });
});

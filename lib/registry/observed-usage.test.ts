import { describe, expect, it } from "vitest";
import { findingsFor, type ObservedService } from "./observed-usage";

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

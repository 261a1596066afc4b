import { describe, expect, it } from "vitest";
import { allowedTransitions } from "../change-version-state";
import { lifecycleActions, lifecycleTransitions, stateTone } from "./lifecycle";

describe("lifecycle", () => {
  it("mirrors the server's allowed transitions", () => {
    expect(lifecycleTransitions).toEqual(allowedTransitions);
  });

  it("offers the allowed actions, asking before a retirement", () => {
    expect(lifecycleActions("DEPRECATED")).toEqual([
      { target: "ACTIVE", label: "Activate", needsConfirm: false },
      { target: "RETIRED", label: "Retire", needsConfirm: true },
    ]);
    expect(lifecycleActions("RETIRED")).toEqual([]);
    expect(lifecycleActions("BOGUS")).toEqual([]);
  });

  it("tones badges by state", () => {
    expect(stateTone("ACTIVE")).toBe("ok");
    expect(stateTone("DEPRECATED")).toBe("warn");
    expect(stateTone("RETIRED")).toBe("bad");
    expect(stateTone(null)).toBe("neutral");
  });
});

import { describe, expect, it } from "vitest";
import { readVersionSelection, versionHref } from "./version-params";

describe("readVersionSelection", () => {
  it("defaults to the latest version and the latest against the one before", () => {
    expect(readVersionSelection({}, [1, 2, 3])).toEqual({ selected: 3, from: 2, to: 3 });
  });

  it("reads valid values and ignores ones that name no live version", () => {
    expect(readVersionSelection({ version: "1", from: "1", to: "3" }, [1, 2, 3])).toEqual({ selected: 1, from: 1, to: 3 });
    expect(readVersionSelection({ version: "9", from: "x", to: "0" }, [1, 2])).toEqual({ selected: 2, from: 1, to: 2 });
    expect(readVersionSelection({ version: "v2" }, [1, 2])).toMatchObject({ selected: 2 });
  });

  it("completes a half-given pair", () => {
    expect(readVersionSelection({ to: "3" }, [1, 2, 3])).toMatchObject({ from: 2, to: 3 });
    expect(readVersionSelection({ from: "1" }, [1, 2, 3])).toMatchObject({ from: 1, to: 3 });
    expect(readVersionSelection({ to: "1" }, [1, 2, 3])).toMatchObject({ from: 3, to: 1 });
  });

  it("has nothing to compare with a single version, and nothing at all without versions", () => {
    expect(readVersionSelection({ from: "1", to: "1" }, [1])).toEqual({ selected: 1, from: null, to: null });
    expect(readVersionSelection({}, [])).toEqual({ selected: null, from: null, to: null });
  });
});

describe("versionHref", () => {
  it("keeps the rest of the state", () => {
    expect(versionHref("order.placed", { selected: 2, from: 1, to: 2 }, { selected: 1 }, "schema")).toBe("/catalog/order.placed?version=1&from=1&to=2#schema");
    expect(versionHref("a b", { selected: null, from: null, to: null }, {})).toBe("/catalog/a%20b");
  });
});

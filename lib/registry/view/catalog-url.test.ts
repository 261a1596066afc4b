import { describe, expect, it } from "vitest";
import { catalogHref, pageWindow, readCatalogParams } from "./catalog-url";

describe("readCatalogParams", () => {
  it("reads the URL state and drops what is malformed", () => {
    expect(readCatalogParams({ q: " order ", domain: "orders", state: "active", page: "3" })).toEqual({
      q: "order",
      domain: "orders",
      team: undefined,
      broker: undefined,
      state: "ACTIVE",
      page: 3,
    });
    expect(readCatalogParams({ state: "gone", page: "-2", team: ["a", "b"] })).toMatchObject({ q: "", state: undefined, page: 1, team: "a" });
  });
});

describe("catalogHref", () => {
  const base = readCatalogParams({ q: "pay", team: "payments", page: "2" });

  it("changes one part and returns to page 1", () => {
    expect(catalogHref(base, { domain: "orders" })).toBe("/catalog?q=pay&domain=orders&team=payments");
  });

  it("clears a filter with null and keeps the page when asked to change it", () => {
    expect(catalogHref(base, { team: null })).toBe("/catalog?q=pay");
    expect(catalogHref(base, { page: 3 })).toBe("/catalog?q=pay&team=payments&page=3");
    expect(catalogHref(readCatalogParams({}))).toBe("/catalog");
  });

  it("encodes values", () => {
    expect(catalogHref(readCatalogParams({}), { q: "a&b c" })).toBe("/catalog?q=a%26b+c");
  });
});

describe("pageWindow", () => {
  it("shows first, last and neighbours with gaps", () => {
    expect(pageWindow(1000, 50, 10)).toEqual({ pages: 20, items: [1, null, 8, 9, 10, 11, 12, null, 20] });
    expect(pageWindow(0, 50, 1)).toEqual({ pages: 1, items: [1] });
    expect(pageWindow(120, 50, 1)).toEqual({ pages: 3, items: [1, 2, 3] });
  });
});

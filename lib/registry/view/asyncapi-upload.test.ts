import { describe, expect, it } from "vitest";
import { guessEntry, mergeUploads, uploadPath } from "./asyncapi-upload";

describe("uploadPath", () => {
  it("prefers the path inside the chosen folder", () => {
    expect(uploadPath({ name: "a.yml", webkitRelativePath: "spec/channels/a.yml" })).toBe("spec/channels/a.yml");
    expect(uploadPath({ name: "a.yml", webkitRelativePath: "" })).toBe("a.yml");
    expect(uploadPath({ name: "./b.yml" })).toBe("b.yml");
  });
});

describe("mergeUploads", () => {
  it("replaces files at the same path and sorts by path", () => {
    const merged = mergeUploads([{ path: "b.yml", content: "old" }], [{ path: "a.yml", content: "a" }, { path: "b.yml", content: "new" }]);
    expect(merged).toEqual([{ path: "a.yml", content: "a" }, { path: "b.yml", content: "new" }]);
  });
});

describe("guessEntry", () => {
  it("picks the shallowest file that declares asyncapi", () => {
    const files = [
      { path: "spec/components/schemas.yml", content: "components:\n  schemas: {}" },
      { path: "spec/nested/asyncapi.yml", content: "asyncapi: 3.0.0" },
      { path: "spec/asyncapi.yaml", content: "# comment\nasyncapi: 3.0.0\ninfo: {}" },
    ];
    expect(guessEntry(files)).toBe("spec/asyncapi.yaml");
    expect(guessEntry([{ path: "doc.json", content: '{ "asyncapi": "2.6.0" }' }])).toBe("doc.json");
  });

  it("falls back to the first file, or nothing", () => {
    expect(guessEntry([{ path: "x.yml", content: "foo: 1" }])).toBe("x.yml");
    expect(guessEntry([])).toBeNull();
  });
});

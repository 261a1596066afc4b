import { describe, expect, it } from "vitest";
import { foldUnchanged, sideBySideDiff } from "./side-by-side-diff";

describe("sideBySideDiff", () => {
  it("keeps equal lines on both sides with their numbers", () => {
    const { rows, added, removed } = sideBySideDiff("a\nb", "a\nb\n");
    expect(added).toBe(0);
    expect(removed).toBe(0);
    expect(rows).toEqual([
      { kind: "same", left: { number: 1, text: "a" }, right: { number: 1, text: "a" } },
      { kind: "same", left: { number: 2, text: "b" }, right: { number: 2, text: "b" } },
    ]);
  });

  it("pairs replaced lines and lists pure additions against an empty cell", () => {
    const { rows, added, removed } = sideBySideDiff("a\nb\nc", "a\nB\nc\nd");
    expect(added).toBe(2);
    expect(removed).toBe(1);
    expect(rows.map((row) => [row.kind, row.left?.text ?? null, row.right?.text ?? null])).toEqual([
      ["same", "a", "a"],
      ["changed", "b", "B"],
      ["same", "c", "c"],
      ["added", null, "d"],
    ]);
    expect(rows[3]?.right?.number).toBe(4);
  });

  it("shows removals with no replacement on the left only", () => {
    const { rows } = sideBySideDiff("a\nb\nc\nd", "a\nx\nd");
    expect(rows.map((row) => [row.kind, row.left?.number ?? null, row.right?.number ?? null])).toEqual([
      ["same", 1, 1],
      ["changed", 2, 2],
      ["removed", 3, null],
      ["same", 4, 3],
    ]);
  });
});

describe("foldUnchanged", () => {
  it("folds long unchanged stretches and keeps context around changes", () => {
    const before = Array.from({ length: 20 }, (_, index) => `line ${index}`).join("\n");
    const after = before.replace("line 10", "LINE 10");
    const folded = foldUnchanged(sideBySideDiff(before, after).rows, 2);
    expect(folded.map((row) => (row.kind === "fold" ? `fold ${row.hidden}` : row.kind))).toEqual([
      "fold 8",
      "same",
      "same",
      "changed",
      "same",
      "same",
      "fold 7",
    ]);
  });
});

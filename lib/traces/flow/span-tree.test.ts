import { describe, expect, it } from "vitest";
import { criticalPath, criticalSpanIds } from "./critical-path";
import { ancestorsOf, buildSpanTree, countDescendants, visibleRows, type TreeSpan } from "./span-tree";

const span = (spanId: string, parentSpanId: string | null, start: number, end: number): TreeSpan => ({ spanId, parentSpanId, startNano: BigInt(start), endNano: BigInt(end) });

//  root 0–100
//  ├─ a 10–40
//  │  └─ a1 15–35
//  ├─ b 30–90        (b ends last before the root's end: on the path)
//  │  └─ b1 40–60
//  └─ c 95–130       (starts after nothing else, ends after the root: async, clamped)
//  orphan 50–55      (parent never arrived)
const spans = [span("c", "root", 95, 130), span("b1", "b", 40, 60), span("root", null, 0, 100), span("a", "root", 10, 40), span("a1", "a", 15, 35), span("b", "root", 30, 90), span("orphan", "missing", 50, 55)];

describe("buildSpanTree", () => {
  const tree = buildSpanTree(spans);

  it("orders rows depth first with children by start, and makes orphans roots", () => {
    expect(tree.order).toEqual(["root", "a", "a1", "b", "b1", "c", "orphan"]);
    expect(tree.roots).toEqual(["root", "orphan"]);
    expect(tree.order.map((id) => tree.nodes.get(id)!.depth)).toEqual([0, 1, 2, 1, 2, 1, 0]);
    expect([tree.startNano, tree.endNano]).toEqual([0n, 130n]);
  });

  it("hides collapsed subtrees and counts what they hide", () => {
    const rows = visibleRows(tree, new Set(["a", "a1"]));
    expect(rows.map((row) => row.spanId)).toEqual(["root", "a", "b", "b1", "c", "orphan"]);
    expect(rows[1]).toMatchObject({ collapsed: true, hasChildren: true, hiddenCount: 1 });
    expect(visibleRows(tree, new Set(["root"])).map((row) => row.spanId)).toEqual(["root", "orphan"]);
    expect(countDescendants(tree, "root")).toBe(5);
    expect(ancestorsOf(tree, "b1")).toEqual(["b", "root"]);
  });

  it("survives parent cycles and a very deep chain", () => {
    const cyclic = buildSpanTree([span("x", "y", 0, 1), span("y", "x", 0, 1)]);
    expect(cyclic.order.sort()).toEqual(["x", "y"]);
    const deep = buildSpanTree(Array.from({ length: 20_000 }, (_, index) => span(`s${index}`, index === 0 ? null : `s${index - 1}`, index, 40_000 - index)));
    expect(deep.order).toHaveLength(20_000);
    expect(criticalPath(deep).length).toBeGreaterThan(0);
  });
});

describe("criticalPath", () => {
  it("follows the child that finished last, and gives the parent the gaps", () => {
    const segments = criticalPath(buildSpanTree(spans));
    expect(segments.map((segment) => [segment.spanId, Number(segment.startNano), Number(segment.endNano)])).toEqual([
      ["root", 0, 10],
      ["a", 10, 15],
      ["a1", 15, 30],
      ["b", 30, 40],
      ["b1", 40, 60],
      ["b", 60, 90],
      ["root", 90, 95],
      ["c", 95, 100],
    ]);
    expect([...criticalSpanIds(segments)].sort()).toEqual(["a", "a1", "b", "b1", "c", "root"]);
  });

  it("is empty for an empty trace", () => {
    expect(criticalPath(buildSpanTree([]))).toEqual([]);
  });
});

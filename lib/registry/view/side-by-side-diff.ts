import { diffLines } from "diff";

export interface DiffCell {
  /** 1-based line number in its own text. */
  number: number;
  text: string;
}

/** One row of a two-column diff: a line kept on both sides, or a change with either side possibly empty. */
export interface DiffRow {
  kind: "same" | "changed" | "removed" | "added";
  left: DiffCell | null;
  right: DiffCell | null;
}

export interface SideBySideDiff {
  rows: DiffRow[];
  added: number;
  removed: number;
}

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * A line diff laid out side by side: removed lines on the left pair up with the added lines that
 * replace them on the right (a "changed" row), the rest stand alone against an empty cell.
 */
export function sideBySideDiff(before: string, after: string): SideBySideDiff {
  const rows: DiffRow[] = [];
  let leftNumber = 0;
  let rightNumber = 0;
  let added = 0;
  let removed = 0;
  let pendingRemoved: DiffCell[] = [];

  const flushRemoved = () => {
    for (const cell of pendingRemoved) rows.push({ kind: "removed", left: cell, right: null });
    pendingRemoved = [];
  };

  for (const change of diffLines(before.endsWith("\n") ? before : `${before}\n`, after.endsWith("\n") ? after : `${after}\n`)) {
    const lines = splitLines(change.value);
    if (change.removed) {
      flushRemoved();
      removed += lines.length;
      pendingRemoved = lines.map((text) => ({ number: ++leftNumber, text }));
    } else if (change.added) {
      added += lines.length;
      for (const text of lines) {
        const right = { number: ++rightNumber, text };
        const left = pendingRemoved.shift();
        rows.push(left ? { kind: "changed", left, right } : { kind: "added", left: null, right });
      }
      flushRemoved();
    } else {
      flushRemoved();
      for (const text of lines) rows.push({ kind: "same", left: { number: ++leftNumber, text }, right: { number: ++rightNumber, text } });
    }
  }
  flushRemoved();
  return { rows, added, removed };
}

/**
 * Rows to show when unchanged stretches are folded: every changed row plus `context` rows
 * around it; each folded stretch becomes one marker with the number of hidden lines.
 */
export function foldUnchanged(rows: DiffRow[], context = 3): (DiffRow | { kind: "fold"; hidden: number })[] {
  const keep = rows.map((row) => row.kind !== "same");
  const near = rows.map((_, index) => keep.slice(Math.max(0, index - context), index + context + 1).some(Boolean));
  const out: (DiffRow | { kind: "fold"; hidden: number })[] = [];
  let hidden = 0;
  rows.forEach((row, index) => {
    if (near[index]) {
      if (hidden > 0) out.push({ kind: "fold", hidden });
      hidden = 0;
      out.push(row);
    } else hidden++;
  });
  if (hidden > 0) out.push({ kind: "fold", hidden });
  return out;
}

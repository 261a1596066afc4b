import type { SpanTree, SpanTreeNode } from "./span-tree";

/** A stretch of time during which a span's own work held up the trace. Unix nanoseconds. */
export interface CriticalSegment {
  spanId: string;
  startNano: bigint;
  endNano: bigint;
}

/**
 * The critical path of a trace, as in Jaeger: from the root that ends last, walk back from its
 * end; the child that finished last before the current point is what the parent waited for, so
 * the path descends into it (clamped to the parent's window), and the gaps between such children
 * are the parent's own work. Children that start after the point are not waited for (async
 * consumers in the same trace). Iterative, so deep traces do not overflow the stack.
 */
export function criticalPath(tree: SpanTree): CriticalSegment[] {
  let root: SpanTreeNode | undefined;
  for (const id of tree.roots) {
    const node = tree.nodes.get(id)!;
    if (!root || node.span.endNano > root.span.endNano) root = node;
  }
  if (!root) return [];
  const segments: CriticalSegment[] = [];
  const stack: { spanId: string; clampEnd: bigint }[] = [{ spanId: root.span.spanId, clampEnd: root.span.endNano }];
  while (stack.length > 0) {
    const { spanId, clampEnd } = stack.pop()!;
    const node = tree.nodes.get(spanId)!;
    const start = node.span.startNano;
    let cursor = node.span.endNano < clampEnd ? node.span.endNano : clampEnd;
    const children = node.children
      .map((id) => tree.nodes.get(id)!.span)
      .sort((a, b) => (a.endNano === b.endNano ? 0 : a.endNano > b.endNano ? -1 : 1));
    for (const child of children) {
      if (cursor <= start) break;
      if (child.startNano >= cursor) continue;
      const childEnd = child.endNano < cursor ? child.endNano : cursor;
      if (childEnd < cursor) segments.push({ spanId, startNano: childEnd, endNano: cursor });
      stack.push({ spanId: child.spanId, clampEnd: cursor });
      cursor = child.startNano > start ? child.startNano : start;
    }
    if (cursor > start) segments.push({ spanId, startNano: start, endNano: cursor });
  }
  return segments.sort((a, b) => (a.startNano === b.startNano ? 0 : a.startNano < b.startNano ? -1 : 1));
}

/** The spans with any time on the critical path. */
export function criticalSpanIds(segments: readonly CriticalSegment[]): Set<string> {
  return new Set(segments.map((segment) => segment.spanId));
}

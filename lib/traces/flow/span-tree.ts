/** What the waterfall needs of a span. Times are Unix nanoseconds. */
export interface TreeSpan {
  spanId: string;
  parentSpanId: string | null;
  startNano: bigint;
  endNano: bigint;
}

/** A span's place in the tree. `parentSpanId` is null for roots, including spans whose parent never arrived. */
export interface SpanTreeNode<S extends TreeSpan = TreeSpan> {
  span: S;
  parentSpanId: string | null;
  depth: number;
  children: string[];
}

/** Spans as a tree: roots and children by start time; `order` is depth-first (the waterfall's row order). */
export interface SpanTree<S extends TreeSpan = TreeSpan> {
  nodes: Map<string, SpanTreeNode<S>>;
  roots: string[];
  order: string[];
  startNano: bigint;
  endNano: bigint;
}

const byStart = (a: TreeSpan, b: TreeSpan) => (a.startNano === b.startNano ? a.spanId.localeCompare(b.spanId) : a.startNano < b.startNano ? -1 : 1);

/**
 * Builds the span tree of one trace. A span whose parent is missing becomes a root (its parent
 * was never received); spans caught in a parent cycle are appended as roots so none is lost.
 * Iterative, so a 5,000-deep chain does not overflow the stack.
 */
export function buildSpanTree<S extends TreeSpan>(spans: readonly S[]): SpanTree<S> {
  const sorted = [...spans].sort(byStart);
  const nodes = new Map<string, SpanTreeNode<S>>();
  for (const span of sorted) if (!nodes.has(span.spanId)) nodes.set(span.spanId, { span, parentSpanId: null, depth: 0, children: [] });
  const roots: string[] = [];
  for (const node of nodes.values()) {
    const parentId = node.span.parentSpanId;
    const parent = parentId && parentId !== node.span.spanId ? nodes.get(parentId) : undefined;
    if (parent) {
      node.parentSpanId = parentId;
      parent.children.push(node.span.spanId);
    } else roots.push(node.span.spanId);
  }
  const order: string[] = [];
  const visited = new Set<string>();
  const visit = (rootId: string) => {
    const stack: { id: string; depth: number }[] = [{ id: rootId, depth: 0 }];
    while (stack.length > 0) {
      const { id, depth } = stack.pop()!;
      if (visited.has(id)) continue;
      visited.add(id);
      const node = nodes.get(id)!;
      node.depth = depth;
      order.push(id);
      for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push({ id: node.children[index]!, depth: depth + 1 });
    }
  };
  for (const root of roots) visit(root);
  for (const id of nodes.keys()) {
    if (visited.has(id)) continue;
    const node = nodes.get(id)!;
    const parent = node.parentSpanId ? nodes.get(node.parentSpanId) : undefined;
    if (parent) parent.children = parent.children.filter((child) => child !== id);
    node.parentSpanId = null;
    roots.push(id);
    visit(id);
  }
  let startNano = sorted[0]?.startNano ?? 0n;
  let endNano = startNano;
  for (const span of sorted) {
    if (span.startNano < startNano) startNano = span.startNano;
    if (span.endNano > endNano) endNano = span.endNano;
  }
  return { nodes, roots, order, startNano, endNano };
}

/** One row of the waterfall as shown: collapsed subtrees are left out. */
export interface WaterfallRow {
  spanId: string;
  depth: number;
  hasChildren: boolean;
  collapsed: boolean;
  /** Spans hidden under this row while it is collapsed (all descendants). */
  hiddenCount: number;
}

/** The rows to show, depth first, skipping the descendants of collapsed spans. */
export function visibleRows(tree: SpanTree, collapsed: ReadonlySet<string>): WaterfallRow[] {
  const rows: WaterfallRow[] = [];
  let skipBelowDepth: number | null = null;
  for (const id of tree.order) {
    const node = tree.nodes.get(id)!;
    if (skipBelowDepth !== null) {
      if (node.depth > skipBelowDepth) continue;
      skipBelowDepth = null;
    }
    const isCollapsed = collapsed.has(id) && node.children.length > 0;
    rows.push({ spanId: id, depth: node.depth, hasChildren: node.children.length > 0, collapsed: isCollapsed, hiddenCount: isCollapsed ? countDescendants(tree, id) : 0 });
    if (isCollapsed) skipBelowDepth = node.depth;
  }
  return rows;
}

/** Every descendant of a span. */
export function countDescendants(tree: SpanTree, spanId: string): number {
  let count = 0;
  const stack = [...(tree.nodes.get(spanId)?.children ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    count += 1;
    stack.push(...(tree.nodes.get(id)?.children ?? []));
  }
  return count;
}

/** The ids of a span's ancestors, nearest first. */
export function ancestorsOf(tree: SpanTree, spanId: string): string[] {
  const ancestors: string[] = [];
  let current = tree.nodes.get(spanId)?.parentSpanId ?? null;
  while (current && ancestors.length < tree.nodes.size) {
    ancestors.push(current);
    current = tree.nodes.get(current)?.parentSpanId ?? null;
  }
  return ancestors;
}

/**
 * Shipping waits for two events of the same order — the payment and the stock reservation — in
 * either order. This is the bookkeeping, pure and bounded: an order whose other half never comes
 * (its payment failed) is forgotten after `ttlMs` or when `maxOrders` newer ones are waiting.
 * It lives in memory: after a restart, an order half-seen before it is never shipped, which a
 * demo can afford.
 */
export type JoinPart = "payment" | "inventory";

/** What offering one half of an order tells. */
export type JoinOutcome<T> =
  /** The other half has not arrived yet (or this half arrived again). */
  | { status: "waiting" }
  /** Both halves are in: `other` is what the first one brought. */
  | { status: "complete"; other: T }
  /** The order was completed before: a redelivery, to acknowledge and ignore. */
  | { status: "duplicate" };

/** Pairs the two halves of each order; `T` is what a half carries (shipping keeps a span link). */
export interface OrderJoin<T> {
  offer(orderId: string, part: JoinPart, value: T, nowMs: number): JoinOutcome<T>;
  /** Undoes a completion whose follow-up failed: the first half waits again, the second may be offered again. */
  restore(orderId: string, part: JoinPart, value: T, nowMs: number): void;
  /** Orders waiting for their other half. */
  readonly waiting: number;
}

interface Pending<T> {
  part: JoinPart;
  value: T;
  atMs: number;
}

/** An empty join that forgets halves older than `ttlMs` and keeps at most `maxOrders` of each kind. */
export function createOrderJoin<T>(options: { maxOrders: number; ttlMs: number }): OrderJoin<T> {
  // Maps keep insertion order, so the first entries are the oldest.
  const pending = new Map<string, Pending<T>>();
  const completed = new Map<string, number>();

  function evict(nowMs: number): void {
    for (const [orderId, entry] of pending) {
      if (pending.size <= options.maxOrders && nowMs - entry.atMs <= options.ttlMs) break;
      pending.delete(orderId);
    }
    for (const [orderId, atMs] of completed) {
      if (completed.size <= options.maxOrders && nowMs - atMs <= options.ttlMs) break;
      completed.delete(orderId);
    }
  }

  return {
    offer(orderId, part, value, nowMs) {
      evict(nowMs);
      if (completed.has(orderId)) return { status: "duplicate" };
      const first = pending.get(orderId);
      if (first === undefined || first.part === part) {
        if (first === undefined) {
          pending.set(orderId, { part, value, atMs: nowMs });
          evict(nowMs);
        }
        return { status: "waiting" };
      }
      pending.delete(orderId);
      completed.set(orderId, nowMs);
      evict(nowMs);
      return { status: "complete", other: first.value };
    },
    restore(orderId, part, value, nowMs) {
      completed.delete(orderId);
      pending.set(orderId, { part, value, atMs: nowMs });
    },
    get waiting() {
      return pending.size;
    },
  };
}

/** A bounded memory of recent keys (e.g. which customer an order belongs to), oldest forgotten first. */
export function createRecentMap<V>(maxEntries: number): { set(key: string, value: V): void; get(key: string): V | undefined } {
  const entries = new Map<string, V>();
  return {
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    get: (key) => entries.get(key),
  };
}

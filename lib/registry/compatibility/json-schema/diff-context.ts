import type { CompatibilityPolicy } from "../types";
import { compatibleKinds, type JsonSchemaDifferenceKind } from "./difference-kinds";

/** Values behind a difference, as the writer and the reader schema state them, for the message. */
export interface DifferenceDetail {
  writer?: string;
  reader?: string;
}

/** A difference as the diff finds it: the message is written later, once the direction is known. */
export interface RawDifference {
  kind: JsonSchemaDifferenceKind;
  /** Unescaped JSON pointer segments from the root of the schema. */
  segments: string[];
  detail?: DifferenceDetail;
  /** Incompatible differences underneath this one that explain it (the closest failed subschema match). */
  related?: RawDifference[];
}

interface SharedState {
  policy: CompatibilityPolicy;
  compatible: ReadonlySet<JsonSchemaDifferenceKind>;
  // Memo and in-progress set span one whole comparison: the memo stops combined schemas from re-comparing the same
  // pair through every path, and the in-progress set stops recursive $refs from looping.
  memo: Map<string, RawDifference[]>;
  inProgress: Set<string>;
}

/** Collects differences at the current path of one original (writer) / update (reader) comparison. */
export class DiffContext {
  readonly differences: RawDifference[] = [];

  private constructor(
    private readonly shared: SharedState,
    private readonly path: string[],
  ) {}

  static create(policy: CompatibilityPolicy): DiffContext {
    return new DiffContext({ policy, compatible: compatibleKinds(policy), memo: new Map(), inProgress: new Set() }, []);
  }

  get policy(): CompatibilityPolicy {
    return this.shared.policy;
  }

  /** A context at the same path with its own list, to try a comparison before keeping its result. */
  fork(): DiffContext {
    return new DiffContext(this.shared, [...this.path]);
  }

  /** Runs `run` with `segments` appended to the path. */
  at<T>(segments: string | string[], run: () => T): T {
    const added = typeof segments === "string" ? [segments] : segments;
    this.path.push(...added);
    try {
      return run();
    } finally {
      this.path.length -= added.length;
    }
  }

  add(kind: JsonSchemaDifferenceKind, attribute?: string, detail?: DifferenceDetail, related?: RawDifference[]): void {
    const segments = attribute === undefined ? [...this.path] : [...this.path, attribute];
    const difference: RawDifference = { kind, segments };
    if (detail) difference.detail = detail;
    if (related && related.length > 0) difference.related = related;
    this.differences.push(difference);
  }

  addAll(differences: readonly RawDifference[]): void {
    this.differences.push(...differences);
  }

  isCompatible(): boolean {
    return this.differences.every((difference) => this.shared.compatible.has(difference.kind));
  }

  isCompatibleKind(kind: JsonSchemaDifferenceKind): boolean {
    return this.shared.compatible.has(kind);
  }

  /**
   * Compares one pair of nodes once per comparison. A pair met again while it is still being compared is a recursive
   * cycle: it counts as compatible, as in Confluent's diff.
   */
  memoized(originalUid: number, updateUid: number, compare: (ctx: DiffContext) => void): void {
    const key = `${originalUid}:${updateUid}`;
    let relative = this.shared.memo.get(key);
    if (!relative) {
      if (this.shared.inProgress.has(key)) return;
      this.shared.inProgress.add(key);
      try {
        const sub = new DiffContext(this.shared, []);
        compare(sub);
        relative = sub.differences;
        this.shared.memo.set(key, relative);
      } finally {
        this.shared.inProgress.delete(key);
      }
    }
    for (const difference of relative) this.differences.push(rebase(difference, this.path));
  }
}

function rebase(difference: RawDifference, prefix: readonly string[]): RawDifference {
  const rebased: RawDifference = { ...difference, segments: [...prefix, ...difference.segments] };
  if (difference.related) rebased.related = difference.related.map((inner) => rebase(inner, prefix));
  return rebased;
}

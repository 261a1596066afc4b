import type { SpanRecord, SpanWriter } from "../span-store/span-record";

export type SubmitResult = { status: "written" } | { status: "busy"; retryAfterSeconds: number };

export interface WriteQueueOptions {
  /** Writes running at once: 1 for SQLite (one writer), a few for PostgreSQL. */
  concurrency: number;
  /** Spans waiting or being written before new batches are refused. Bounds memory. */
  maxPendingSpans: number;
  /** Batches waiting together are written in one transaction, up to this many spans. */
  maxSpansPerWrite: number;
}

interface Waiting {
  records: SpanRecord[];
  done: (error?: unknown) => void;
}

/**
 * Feeds the span writer with bounded concurrency and bounded memory. Batches that arrive while
 * the writer is busy are committed together in one transaction (group commit): each commit
 * costs about the same whatever its size, so the store keeps up better the harder it is pushed.
 * A batch is refused at once (so the client retries later) rather than queued without limit
 * when the store falls behind.
 */
export class WriteQueue {
  private pendingSpans = 0;
  private running = 0;
  private readonly waiting: Waiting[] = [];

  constructor(
    private readonly writer: SpanWriter,
    private readonly options: WriteQueueOptions,
  ) {}

  get pending(): number {
    return this.pendingSpans;
  }

  async submit(records: SpanRecord[]): Promise<SubmitResult> {
    if (records.length === 0) return { status: "written" };
    if (this.pendingSpans > 0 && this.pendingSpans + records.length > this.options.maxPendingSpans) {
      return { status: "busy", retryAfterSeconds: 1 };
    }
    this.pendingSpans += records.length;
    try {
      await new Promise<void>((resolve, reject) => {
        this.waiting.push({ records, done: (error) => (error === undefined ? resolve() : reject(error instanceof Error ? error : new Error(String(error)))) });
        this.pump();
      });
      return { status: "written" };
    } finally {
      this.pendingSpans -= records.length;
    }
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const group = [this.waiting.shift()!];
      let spans = group[0]!.records.length;
      while (this.waiting.length > 0 && spans + this.waiting[0]!.records.length <= this.options.maxSpansPerWrite) {
        const next = this.waiting.shift()!;
        spans += next.records.length;
        group.push(next);
      }
      this.running += 1;
      const records = group.length === 1 ? group[0]!.records : group.flatMap((entry) => entry.records);
      this.writer.write(records).then(
        () => this.finish(group),
        (error: unknown) => this.finish(group, error ?? new Error("span write failed")),
      );
    }
  }

  private finish(group: Waiting[], error?: unknown): void {
    this.running -= 1;
    for (const entry of group) entry.done(error);
    this.pump();
  }
}

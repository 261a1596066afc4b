import type { SpanRecord, SpanWriter } from "../span-store/span-record";

export type SubmitResult = { status: "written" } | { status: "busy"; retryAfterSeconds: number };

export interface WriteQueueOptions {
  /** Writes running at once: 1 for SQLite (one writer), a few for PostgreSQL. */
  concurrency: number;
  /** Spans waiting or being written before new batches are refused. Bounds memory. */
  maxPendingSpans: number;
}

/**
 * Feeds the span writer with bounded concurrency and bounded memory. A batch is refused at once
 * (so the client retries later) rather than queued without limit when the store falls behind.
 */
export class WriteQueue {
  private pendingSpans = 0;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

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
      if (this.running >= this.options.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.running += 1;
      try {
        await this.writer.write(records);
      } finally {
        this.running -= 1;
        this.waiting.shift()?.();
      }
      return { status: "written" };
    } finally {
      this.pendingSpans -= records.length;
    }
  }
}

import { setTimeout as delay } from "node:timers/promises";
import type { Database } from "../../db";
import type { Provider } from "./embedded-sql";

/** What every part of one embedded broker instance shares. */
export interface EmbeddedContext {
  database: Database;
  provider: Provider;
  /** The `broker` column of idempotency keys. */
  name: string;
  pollIntervalMs: number;
  /** Aborted by `close()`: idle consumers stop waiting at once. */
  closing: AbortController;
}

/** Waits, or returns early when the signal fires. */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return;
  try {
    await delay(ms, undefined, { signal });
  } catch {
    // Aborted: the caller checks the signal.
  }
}

import type { Database } from "../db";
import { findDeliveries, matchPublishSpans } from "../traces/query/deliveries";
import { distinctSpanValues, newestPartOfWindow } from "../traces/span-store/span-index-reads";
import { summarizeLatency, type LatencySample, type LatencySummary } from "./summarize-latency";

/** Latency of one event type at one consumer. */
export interface MeasuredLatency extends LatencySummary {
  /**
   * When the window held more of the event type's spans than are measured at once: the start
   * (ISO) of the newest part, which the figures cover; null when they cover the whole window.
   */
  coveredSince: string | null;
}

const maxEventTypes = 500;

/**
 * Publish→process latency per event type and consumer over the last `windowMinutes`: for each
 * consume span, the time from the start of the publish span it belongs to (by span link, as its
 * child, or by message id: see matchPublishSpans) to the start of processing. An event type
 * with more than `maxSpansPerEventType` spans in the window (the default is well under a second
 * of work on SQLite) is measured over its newest ones.
 */
export async function getPublishToProcessLatency(database: Database, windowMinutes = 60, maxSpansPerEventType = 20_000): Promise<{ windowMinutes: number; rows: MeasuredLatency[] }> {
  const windowStart = BigInt(Date.now() - windowMinutes * 60_000) * 1_000_000n;
  const eventTypes = await distinctSpanValues(database, "eventType", maxEventTypes);
  const measured = await Promise.all(eventTypes.map((eventType) => measureEventType(database, eventType, windowStart, maxSpansPerEventType)));
  const coveredSince = new Map(measured.map((entry) => [entry.eventType, entry.coveredSince]));
  const rows = summarizeLatency(measured.flatMap((entry) => entry.samples));
  return { windowMinutes, rows: rows.map((row) => ({ ...row, coveredSince: coveredSince.get(row.eventType) ?? null })) };
}

async function measureEventType(database: Database, eventType: string, windowStart: bigint, maxSpans: number): Promise<{ eventType: string; coveredSince: string | null; samples: LatencySample[] }> {
  const { since, coveredSince } = await newestPartOfWindow(database, { eventType }, windowStart, maxSpans);
  const deliveries = await findDeliveries(database, eventType, since);
  const { matched } = await matchPublishSpans(database, deliveries);
  return {
    eventType,
    coveredSince,
    samples: deliveries.flatMap((delivery, index) => {
      const published = matched[index];
      return published ? [{ eventType, consumer: delivery.serviceName, latencyNano: delivery.startNano - published.startNano, failed: delivery.failed }] : [];
    }),
  };
}

import type { Database } from "../db";
import { getPublishToProcessLatency, type MeasuredLatency } from "./get-publish-to-process-latency";
import { listDeclaredConsumers, type DeclaredConsumer } from "./list-declared-consumers";

export interface LagOverview {
  windowMinutes: number;
  measured: MeasuredLatency[];
  /** Declared consumers with no processed message in the window. */
  silent: DeclaredConsumer[];
}

export async function getLagOverview(database: Database, windowMinutes: number): Promise<LagOverview> {
  const [latency, declared] = await Promise.all([getPublishToProcessLatency(database, windowMinutes), listDeclaredConsumers(database)]);
  const measured = new Set(latency.rows.map((row) => `${row.eventType}\u0000${row.consumer}`));
  return {
    windowMinutes,
    measured: latency.rows,
    silent: declared.filter((row) => !measured.has(`${row.eventType}\u0000${row.consumer}`)),
  };
}

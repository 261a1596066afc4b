import type { Database } from "../db";
import { getEventType } from "./get-event-type";
import { getObservedUsage, type ObservedUsage } from "./observed-usage";

/** Declared and observed producers and consumers of an event type, with findings. */
export async function getEventTypeUsage(database: Database, name: string): Promise<ObservedUsage & { declared: { producers: string[]; consumers: string[] } }> {
  const eventType = await getEventType(database, name);
  const usage = await getObservedUsage(database, eventType);
  return { declared: { producers: eventType.producers, consumers: eventType.consumers }, ...usage };
}

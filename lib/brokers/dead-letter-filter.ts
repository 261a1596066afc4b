import { z } from "zod";
import { payloadText } from "./headers";
import type { DeadLetterFilter } from "./types";

/** A dead-letter filter as it arrives in a query string or body. */
export const deadLetterFilterSchema = z.object({
  destination: z.string().min(1).optional(),
  reason: z.string().min(1).optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  text: z.string().min(1).optional(),
}) satisfies z.ZodType<DeadLetterFilter>;

/** The fields a filter looks at, for adapters that filter what they read from the broker. */
export interface FilterableDeadLetter {
  originalDestination: string;
  reason: string;
  lastDeathAt: Date;
  payload: Uint8Array;
}

/** Whether a dead letter passes every present field of the filter. */
export function matchesDeadLetterFilter(filter: DeadLetterFilter, letter: FilterableDeadLetter): boolean {
  if (filter.destination !== undefined && letter.originalDestination !== filter.destination) return false;
  if (filter.reason !== undefined && !letter.reason.toLowerCase().includes(filter.reason.toLowerCase())) return false;
  if (filter.since !== undefined && letter.lastDeathAt.getTime() < filter.since.getTime()) return false;
  if (filter.until !== undefined && letter.lastDeathAt.getTime() >= filter.until.getTime()) return false;
  if (filter.text !== undefined) {
    const text = payloadText(letter.payload);
    if (text === null || !text.toLowerCase().includes(filter.text.toLowerCase())) return false;
  }
  return true;
}

import { z } from "zod";
import type { DestinationInfo } from "../types";
import { dlqSubjectFor, isInternalStream, type NatsNames } from "./nats-names";

/**
 * How JetStream's streams and consumers map onto destinations: a destination is a subject a
 * stream stores; a consumer belongs to the subject it filters on, or — unfiltered — to its
 * stream's only subject (to the stream's name when it stores several).
 */
export const streamInfoSchema = z.object({
  config: z.object({ name: z.string(), subjects: z.array(z.string()).optional() }),
  state: z.object({ messages: z.number(), first_ts: z.string().optional() }),
});
export type StreamView = z.infer<typeof streamInfoSchema>;

export const consumerInfoSchema = z.object({
  name: z.string(),
  config: z.object({
    filter_subject: z.string().optional(),
    filter_subjects: z.array(z.string()).optional(),
    max_deliver: z.number().optional(),
  }),
  delivered: z.object({ stream_seq: z.number() }),
  num_pending: z.number(),
  num_ack_pending: z.number(),
});
export type ConsumerView = z.infer<typeof consumerInfoSchema>;

/** The destination subject a consumer reads. */
export function consumerDestination(stream: StreamView, consumer: ConsumerView): string {
  const filter = consumer.config.filter_subject || consumer.config.filter_subjects?.[0];
  if (filter) return filter;
  const subjects = stream.config.subjects ?? [];
  return subjects.length === 1 && subjects[0] !== undefined ? subjects[0] : stream.config.name;
}

/** JetStream reports unlimited deliveries as -1 (or leaves the field out). */
export function maxDeliveriesOf(consumer: ConsumerView): number | null {
  const max = consumer.config.max_deliver;
  return max === undefined || max <= 0 ? null : max;
}

/** One destination per stored subject (and per filter subject a consumer reads), consumers attached. */
export function destinationsOf(names: NatsNames, stream: StreamView, consumers: ConsumerView[]): DestinationInfo[] {
  if (isInternalStream(names, stream.config.name)) return [];
  const subjects = stream.config.subjects ?? [];
  const byName = new Map<string, DestinationInfo>();
  const add = (name: string) => {
    const existing = byName.get(name);
    if (existing !== undefined) return existing;
    const created: DestinationInfo = {
      name,
      kind: "subject",
      // A stream's count is the subject's only when the stream stores nothing else.
      depth: subjects.length === 1 && subjects[0] === name ? stream.state.messages : null,
      partitions: null,
      deadLetterDestination: dlqSubjectFor(names, name),
      consumers: [],
    };
    byName.set(name, created);
    return created;
  };
  for (const subject of subjects) add(subject);
  for (const consumer of [...consumers].sort((a, b) => a.name.localeCompare(b.name))) {
    add(consumerDestination(stream, consumer)).consumers.push({ name: consumer.name, maxDeliveries: maxDeliveriesOf(consumer) });
  }
  return [...byName.values()];
}

import { z } from "zod";
import { ok, type BrokerResult } from "../broker-result";
import type { BrokerDescription, LagQuery, LagReading } from "../types";
import type { NatsContext, NatsHandles } from "./nats-context";
import { guarded } from "./nats-errors";
import { isInternalStream, isPublishableSubject } from "./nats-names";
import { streamForSubject } from "./nats-streams";
import { consumerDestination, consumerInfoSchema, destinationsOf, streamInfoSchema, type ConsumerView, type StreamView } from "./nats-topology";

/** Describe and lag: read-only views of streams and consumer info. */
async function streamsWithConsumers(context: NatsContext, handles: NatsHandles, only?: string): Promise<{ stream: StreamView; consumers: ConsumerView[] }[]> {
  const result: { stream: StreamView; consumers: ConsumerView[] }[] = [];
  const infos = only === undefined ? handles.jsm.streams.list() : { async *[Symbol.asyncIterator]() { yield await handles.jsm.streams.info(only); } };
  for await (const info of infos) {
    const stream = streamInfoSchema.parse(info);
    if (isInternalStream(context.names, stream.config.name)) continue;
    const consumers: ConsumerView[] = [];
    for await (const consumer of handles.jsm.consumers.list(stream.config.name)) consumers.push(consumerInfoSchema.parse(consumer));
    result.push({ stream, consumers });
  }
  return result;
}

/** Every destination subject of every stream (bookkeeping streams aside) with its consumers. */
export async function describe(context: NatsContext): Promise<BrokerResult<BrokerDescription>> {
  const handles = await context.handles();
  if (handles.status !== "ok") return handles;
  return guarded(async () => {
    const streams = await streamsWithConsumers(context, handles.value);
    return {
      kind: "nats" as const,
      version: handles.value.nc.info?.version ?? null,
      destinations: streams.flatMap(({ stream, consumers }) => destinationsOf(context.names, stream, consumers)).sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}

const storedTimeSchema = z.object({ message: z.object({ time: z.string() }) });

/**
 * The oldest waiting message is the first one after the consumer's delivered position that
 * its filter matches; its stored time gives the age. Read with the stream's message-get API,
 * which any stream answers (direct get needs the stream's opt-in).
 */
async function oldestWaitingAgeMs(context: NatsContext, handles: NatsHandles, stream: string, subject: string, consumer: ConsumerView, nowMs: number): Promise<number | null> {
  if (consumer.num_pending === 0) return null;
  const request = { seq: consumer.delivered.stream_seq + 1, next_by_subj: subject };
  const reply = await handles.nc.request(`$JS.API.STREAM.MSG.GET.${stream}`, JSON.stringify(request), { timeout: context.requestTimeoutMs });
  const parsed = storedTimeSchema.safeParse(reply.json());
  if (!parsed.success) return null;
  const storedAt = Date.parse(parsed.data.message.time);
  return Number.isNaN(storedAt) ? null : Math.max(0, nowMs - storedAt);
}

/**
 * `waiting` is the consumer's `num_pending` (stored, matching, not yet delivered) and
 * `inFlight` its `num_ack_pending` (delivered, not yet acknowledged).
 */
export async function readLag(context: NatsContext, query: LagQuery): Promise<BrokerResult<LagReading[]>> {
  const handles = await context.handles();
  if (handles.status !== "ok") return handles;
  if (query.destination !== undefined && !isPublishableSubject(query.destination)) return ok([]);
  return guarded(async () => {
    const only = query.destination === undefined ? undefined : await streamForSubject(context, handles.value, query.destination, false);
    if (query.destination !== undefined && only === undefined) return [];
    const nowMs = Date.now();
    const readings: LagReading[] = [];
    for (const { stream, consumers } of await streamsWithConsumers(context, handles.value, only)) {
      for (const consumer of consumers) {
        const destination = consumerDestination(stream, consumer);
        if (query.destination !== undefined && destination !== query.destination) continue;
        if (query.consumer !== undefined && consumer.name !== query.consumer) continue;
        readings.push({
          destination,
          consumer: consumer.name,
          waiting: consumer.num_pending,
          inFlight: consumer.num_ack_pending,
          oldestWaitingAgeMs: await oldestWaitingAgeMs(context, handles.value, stream.config.name, destination, consumer, nowMs),
          partitions: null,
          readAt: new Date(nowMs),
        });
      }
    }
    return readings;
  });
}

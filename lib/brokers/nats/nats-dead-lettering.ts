import { headers as natsHeaders, type Msg } from "@nats-io/transport-node";
import type { BrokerResult } from "../broker-result";
import { replayHeaders } from "../headers";
import type { MessageHeaders } from "../types";
import { parseAdvisory, type DeathNotice } from "./nats-advisory";
import type { NatsContext, NatsHandles } from "./nats-context";
import { deadLetterHeaders, messageHeader } from "./nats-dead-letter-headers";
import { apiErrorCode, guarded } from "./nats-errors";
import { dlqSubjectFor, isInternalStream, isOwnStream } from "./nats-names";
import { advisorySources } from "./nats-setup";
import { headersOf, pull } from "./nats-pull";

/** A message that will not be delivered to `consumer` again, as the DLQ stores it. */
export interface Death extends DeathNotice {
  subject: string;
  payload: Uint8Array;
  headers: MessageHeaders;
}

function firstDeathAtMs(headers: MessageHeaders, diedAtMs: number): number {
  const carried = Number(headers[replayHeaders.firstDeathAt]);
  return Number.isSafeInteger(carried) && carried > 0 && carried <= diedAtMs ? carried : diedAtMs;
}

/**
 * Copies a dead message into the DLQ and waits for the publish ack. The message id is the
 * (stream, sequence, consumer) triple, so the same death reported twice (a crash between
 * writing and settling, or an advisory for a message the adapter already dead-lettered)
 * is stored once within the DLQ's duplicate window.
 */
export async function writeDeadLetter(context: NatsContext, handles: NatsHandles, death: Death): Promise<void> {
  const meta = {
    cause: death.cause,
    reason: death.reason,
    originalSubject: death.subject,
    stream: death.stream,
    streamSequence: death.streamSequence,
    consumer: death.consumer,
    deliveryCount: death.deliveryCount,
    firstDeathAtMs: firstDeathAtMs(death.headers, death.diedAtMs),
    lastDeathAtMs: death.diedAtMs,
    messageId: death.headers[messageHeader.msgId] ?? `${death.stream}:${death.streamSequence}`,
    key: death.headers[messageHeader.key] ?? null,
  };
  const headers = natsHeaders();
  for (const [name, value] of Object.entries(deadLetterHeaders(death.headers, meta))) headers.set(name, value);
  await handles.js.publish(dlqSubjectFor(context.names, death.subject), death.payload, {
    headers,
    msgID: `${death.stream}:${death.streamSequence}:${death.consumer}`,
  });
}

const batch = 100;

/**
 * Moves captured advisories into the DLQ: for each, the message it points to is read from
 * its stream and copied. An advisory is acknowledged only after its copy is stored, so a
 * crash in between repeats the copy (which the DLQ deduplicates) rather than losing it.
 * Runs before dead letters are read; one run at a time per adapter, and the durable
 * consumer gives each advisory to one adapter when several share the prefix.
 */
export function ingestAdvisories(context: NatsContext, handles: NatsHandles): Promise<BrokerResult<void>> {
  return context.exclusive("ingest", async () => {
    const sources = await advisorySources(handles.jsm, context.names);
    if (sources.status !== "ok") return sources;
    return guarded(async () => {
      for (const stream of sources.value) {
        for (;;) {
          const { messages } = await pull(handles.nc, { stream, consumer: context.names.ingestConsumer, batch, waitMs: 0, graceMs: context.requestTimeoutMs });
          for (const advisory of messages) await ingestOne(context, handles, advisory);
          if (messages.length < batch) break;
        }
      }
    });
  });
}

/** Whether the adapter is to dead-letter messages of this stream's consumers. */
function captured(context: NatsContext, stream: string): boolean {
  if (isInternalStream(context.names, stream)) return false;
  return context.capture === "all-streams" || isOwnStream(context.names, stream);
}

async function ingestOne(context: NatsContext, handles: NatsHandles, advisory: Msg): Promise<void> {
  const notice = parseAdvisory(advisory.string(), Date.now());
  if (notice !== undefined && notice !== "skip" && captured(context, notice.stream)) {
    const stored = await readStored(handles, notice.stream, notice.streamSequence);
    // A message its stream no longer holds (limits, purge) has nothing left to dead-letter.
    if (stored !== null) await writeDeadLetter(context, handles, { ...notice, subject: stored.subject, payload: stored.data, headers: headersOf(stored.header) });
  }
  await handles.nc.request(advisory.reply ?? "", "+ACK", { timeout: context.requestTimeoutMs });
}

async function readStored(handles: NatsHandles, stream: string, seq: number) {
  try {
    return await handles.jsm.streams.getMessage(stream, { seq });
  } catch (error) {
    const code = apiErrorCode(error);
    if (code === 10059 || code === 10037) return null;
    throw error;
  }
}

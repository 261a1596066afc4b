import { createHash } from "node:crypto";

/**
 * Everything the adapter names on the server derives from one prefix, so several Eventscope
 * installations (and test runs) can share a NATS server and be removed by prefix.
 *
 * - one stream per destination subject: `<prefix>_<subject made name-safe>`;
 * - `<prefix>_DLQ` holds dead letters under `<prefix>.dlq.<original subject>`;
 * - `<prefix>_ADVISORIES` captures max-deliveries and terminated advisories, unless a stream
 *   already does (only one stream may store a subject), in which case that one is read;
 * - `<prefix>_OPS` holds idempotency keys and dead-letter claims, one message per subject.
 */
export interface NatsNames {
  prefix: string;
  dlqStream: string;
  dlqSubjectPrefix: string;
  advisoryStream: string;
  opsStream: string;
  opsSubjectPrefix: string;
  /** The durable consumer, on each stream that captures advisories, that moves them into the DLQ. */
  ingestConsumer: string;
}

const prefixPattern = /^[A-Za-z0-9_-]{1,32}$/;

/** Stream and subject names for a prefix; undefined when the prefix cannot be part of a name. */
export function natsNames(prefix: string): NatsNames | undefined {
  if (!prefixPattern.test(prefix)) return undefined;
  return {
    prefix,
    dlqStream: `${prefix}_DLQ`,
    dlqSubjectPrefix: `${prefix}.dlq`,
    advisoryStream: `${prefix}_ADVISORIES`,
    opsStream: `${prefix}_OPS`,
    opsSubjectPrefix: `${prefix}.ops`,
    ingestConsumer: `${prefix}_ingest`,
  };
}

const tokenPattern = /^[^\s.*>]+$/;

/** A subject messages can be published to: dot-separated tokens, no wildcards or spaces. */
export function isPublishableSubject(subject: string): boolean {
  return subject.length > 0 && subject.length <= 255 && subject.split(".").every((token) => tokenPattern.test(token));
}

/** Durable consumer names may not contain subject separators or wildcards. */
export function isConsumerName(name: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(name);
}

/**
 * The stream the adapter creates for a destination. Characters a stream name may not hold
 * become `_`; a short hash of the subject then keeps `a.b` and `a_b` apart.
 */
export function streamNameFor(names: NatsNames, subject: string): string {
  const safe = subject.replace(/[^A-Za-z0-9_-]/g, "_");
  const suffix = safe === subject ? "" : `_${createHash("sha256").update(subject).digest("hex").slice(0, 8)}`;
  return `${names.prefix}_${safe.slice(0, 160)}${suffix}`;
}

/** Where the dead letters of `subject` are kept in the DLQ stream. */
export function dlqSubjectFor(names: NatsNames, subject: string): string {
  return `${names.dlqSubjectPrefix}.${subject}`;
}

/** The original subject of a DLQ subject, or undefined for a subject outside the DLQ. */
export function originalSubjectOf(names: NatsNames, dlqSubject: string): string | undefined {
  const head = `${names.dlqSubjectPrefix}.`;
  return dlqSubject.startsWith(head) && dlqSubject.length > head.length ? dlqSubject.slice(head.length) : undefined;
}

/** Idempotency keys are caller text; hashing makes any key a valid, bounded subject token. */
export function operationKeySubject(names: NatsNames, key: string): string {
  return `${names.opsSubjectPrefix}.key.${createHash("sha256").update(key).digest("hex")}`;
}

/** The claim that one replay or discard owns a dead letter. */
export function deadLetterClaimSubject(names: NatsNames, id: number): string {
  return `${names.opsSubjectPrefix}.letter.${id}`;
}

export const advisoryKinds = ["MAX_DELIVERIES", "MSG_TERMINATED"] as const;
export type AdvisoryKind = (typeof advisoryKinds)[number];

/** Every stream's advisories of one kind. */
export function advisorySubject(kind: AdvisoryKind): string {
  return `$JS.EVENT.ADVISORY.CONSUMER.${kind}.>`;
}

/** A literal advisory subject, to ask which stream (if any) already captures that kind. */
export function advisoryProbeSubject(names: NatsNames, kind: AdvisoryKind): string {
  return `$JS.EVENT.ADVISORY.CONSUMER.${kind}.${names.prefix}_probe.probe`;
}

/** Whether the adapter created the stream (its name carries the prefix). */
export function isOwnStream(names: NatsNames, stream: string): boolean {
  return stream.startsWith(`${names.prefix}_`) && !isInternalStream(names, stream);
}

/** Whether a stream is one of the adapter's own bookkeeping streams rather than a destination. */
export function isInternalStream(names: NatsNames, stream: string): boolean {
  return stream === names.dlqStream || stream === names.advisoryStream || stream === names.opsStream;
}

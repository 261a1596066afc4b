import { z } from "zod";
import type { MessageHeaders } from "./types";

/**
 * Headers as stored or returned by a broker are validated here, at the boundary: anything
 * but a flat object of strings is a protocol problem, not something to pass on.
 */
export const messageHeadersSchema = z.record(z.string(), z.string());

/** Parses a JSON header blob; `undefined` when it is not a flat object of strings. */
export function parseHeadersJson(text: string): MessageHeaders | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = messageHeadersSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The payload as text, or null when it is not valid UTF-8 (Avro, protobuf, …). */
export function payloadText(payload: Uint8Array): string | null {
  try {
    return utf8.decode(payload);
  } catch {
    return null;
  }
}

/** Header names Eventscope itself sets on messages it republishes. */
export const replayHeaders = {
  /** The dead letter a replayed message came from. */
  replayOf: "x-eventscope-replay-of",
  /** When the message was first dead-lettered, carried across replays (ms since the epoch). */
  firstDeathAt: "x-eventscope-first-death-at",
} as const;

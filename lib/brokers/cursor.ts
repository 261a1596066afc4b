import type { z } from "zod";
import { failed, ok, type BrokerFailure } from "./broker-result";

/**
 * Page cursors are opaque to callers: base64url JSON of whatever position the adapter needs
 * (a time and an id, a stream sequence, partition offsets), validated when read back.
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): { status: "ok"; value: T } | BrokerFailure {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return failed("invalid", "the page cursor is not one this broker issued");
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? ok(parsed.data) : failed("invalid", "the page cursor is not one this broker issued");
}

import { failed, retryable, type BrokerProblem } from "../broker-result";

/**
 * Translates what ioredis throws (or emits) into broker outcomes. Messages name the kind of
 * failure only — never the URL, host or credentials — and stay on one line.
 */
const unreachableRetryMs = 1_000;
const loadingRetryMs = 2_000;

const networkCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);

function errorCode(error: Error): string | undefined {
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").trim().slice(0, 200);
}

/** The broker outcome for an error from ioredis; undefined for anything else (a bug, to be rethrown). */
export function classifyRedisError(error: unknown): BrokerProblem | undefined {
  if (!(error instanceof Error)) return undefined;
  const message = error.message;
  const code = errorCode(error);
  if (/^(WRONGPASS|NOAUTH)\b/.test(message)) return failed("unauthorized", "Redis refused the credentials (wrong username or password)");
  if (/^NOPERM\b/.test(message)) return failed("unauthorized", `Redis refused the command for this user: ${firstLine(message)}`);
  if (code !== undefined && networkCodes.has(code)) return retryable("unreachable", `Redis is unreachable (${code})`, unreachableRetryMs);
  if (/^(Connection is closed|Stream isn't writeable|Command timed out|Reached the max retries per request|connect ETIMEDOUT)/.test(message)) {
    return retryable("unreachable", `Redis is unreachable (${firstLine(message).replace(/\.$/, "")})`, unreachableRetryMs);
  }
  if (/^LOADING\b/.test(message)) return retryable("unreachable", "Redis is loading its dataset", loadingRetryMs);
  if (/^Unknown RESP type|^Protocol error/.test(message)) return failed("protocol", "the server does not speak the Redis protocol");
  if (/^NOGROUP\b/.test(message)) return failed("misconfigured", "the consumer group or its stream no longer exists");
  if (/^WRONGTYPE\b/.test(message)) return failed("invalid", "a key this broker needs holds something other than a stream");
  if (/^(ERR unknown command|NOSCRIPT)/.test(message)) return failed("misconfigured", `Redis does not support what this adapter needs (Redis 7 or later): ${firstLine(message)}`);
  if (error.name === "ReplyError") return failed("protocol", `Redis answered with an error: ${firstLine(message)}`);
  return undefined;
}

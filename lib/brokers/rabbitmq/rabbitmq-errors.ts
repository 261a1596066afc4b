import { failed, ok, retryable, type BrokerProblem, type BrokerResult } from "../broker-result";

/**
 * Translates amqplib failures into broker outcomes. Messages name the kind of failure only,
 * never the URL (which carries the password); amqplib's own texts are one line and name no
 * credentials, so the server's reply code is quoted from them.
 */
const unreachableRetryMs = 1_000;
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").slice(0, 200);
}

/** The expected ways an AMQP call fails; anything unrecognised is reported as a protocol failure. */
export function classifyAmqpError(error: unknown): BrokerProblem {
  const code = typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === "string" && socketCodes.has(code)) return retryable("unreachable", `RabbitMQ is unreachable (${code})`, unreachableRetryMs);
  if (/ACCESS[-_]REFUSED|\b403\b/.test(message)) return failed("unauthorized", "RabbitMQ refused the credentials (ACCESS_REFUSED)");
  if (/NOT[-_]ALLOWED|\b530\b/.test(message)) return failed("misconfigured", "RabbitMQ refused access to the virtual host (NOT_ALLOWED)");
  if (/PRECONDITION[-_]FAILED|\b406\b/.test(message)) return failed("misconfigured", `RabbitMQ refused a declaration: ${firstLine(message)}`);
  if (/Socket closed abruptly|Connection closed|Channel closed|Channel ended|connection timeout/i.test(message)) {
    return retryable("unreachable", "the connection to RabbitMQ was lost", unreachableRetryMs);
  }
  if (/Unexpected close|Heartbeat timeout/i.test(message)) return retryable("unreachable", "RabbitMQ closed the connection", unreachableRetryMs);
  return failed("protocol", `RabbitMQ failed: ${firstLine(message)}`);
}

/** Whether an amqplib error is the server answering 404 (no such queue or exchange). */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && /NOT[-_]FOUND|\b404\b/.test(error.message);
}

/** Runs an AMQP operation, turning every failure into an outcome. */
export async function guarded<T>(operation: () => Promise<T>): Promise<BrokerResult<T>> {
  try {
    return ok(await operation());
  } catch (error) {
    return classifyAmqpError(error);
  }
}

/** As {@link guarded}, for operations whose own result is already an outcome union. */
export async function guardedOutcome<R extends { status: string }>(operation: () => Promise<R>): Promise<R | BrokerProblem> {
  const result = await guarded(operation);
  return result.status === "ok" ? result.value : result;
}

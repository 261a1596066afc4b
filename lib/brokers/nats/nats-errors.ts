import { failed, ok, retryable, type BrokerProblem, type BrokerResult } from "../broker-result";

/**
 * Translates nats.js failures into broker outcomes. The library's error classes are matched
 * by name, so the translation does not depend on which copy of the library threw; messages
 * name the kind of failure only, never server addresses or credentials.
 */
const unreachableRetryMs = 1_000;

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").slice(0, 200);
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name || error.constructor.name : "";
}

/** JetStream API errors carry the server's error code (10059 = stream not found, …). */
export function apiErrorCode(error: unknown): number | undefined {
  if (!(error instanceof Error) || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "number" ? code : undefined;
}

/** The expected ways a NATS call fails; anything unrecognised is reported as a protocol failure. */
export function classifyNatsError(error: unknown): BrokerProblem {
  const name = errorName(error);
  const message = error instanceof Error ? error.message : String(error);
  switch (name) {
    case "AuthorizationError":
    case "UserAuthenticationExpiredError":
      return failed("unauthorized", "the NATS server refused the credentials (authorization violation)");
    case "PermissionViolationError":
      return failed("unauthorized", `the NATS server denied permission: ${firstLine(message)}`);
    case "JetStreamNotEnabled":
      return failed("misconfigured", "JetStream is not enabled on the NATS server (or for this account)");
    case "ConnectionError":
    case "ClosedConnectionError":
    case "DrainingConnectionError":
      return retryable("unreachable", `the NATS server is unreachable (${firstLine(message)})`, unreachableRetryMs);
    case "TimeoutError":
      return retryable("unreachable", "the NATS server did not answer in time", unreachableRetryMs);
    case "NoRespondersError":
      return failed("misconfigured", "no JetStream service answered (is JetStream enabled?)");
    case "InvalidNameError":
    case "InvalidSubjectError":
    case "InvalidArgumentError":
      return failed("invalid", firstLine(message));
    default:
      break;
  }
  if (apiErrorCode(error) === 10039) return failed("misconfigured", "JetStream is not enabled for this account");
  if (/ECONNREFUSED|EHOSTUNREACH|ENOTFOUND|ETIMEDOUT/.test(message)) return retryable("unreachable", "the NATS server is unreachable", unreachableRetryMs);
  return failed("protocol", `NATS failed: ${firstLine(message)}`);
}

/** Runs a NATS operation, turning every failure into an outcome. */
export async function guarded<T>(operation: () => Promise<T>): Promise<BrokerResult<T>> {
  try {
    return ok(await operation());
  } catch (error) {
    return classifyNatsError(error);
  }
}

/** As {@link guarded}, for operations whose own result is already an outcome union. */
export async function guardedOutcome<R extends { status: string }>(operation: () => Promise<R>): Promise<R | BrokerProblem> {
  try {
    return await operation();
  } catch (error) {
    return classifyNatsError(error);
  }
}

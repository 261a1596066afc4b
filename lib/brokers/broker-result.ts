/**
 * Outcomes of broker operations. What can be expected to go wrong — a broker that is down,
 * wrong credentials, a dead letter someone else already replayed — is a value, not an
 * exception; exceptions are left for bugs.
 */

/** Why an operation failed, in terms the portal can act on. */
export type BrokerErrorCode =
  /** The broker (or, for the embedded broker, the database) does not answer. */
  | "unreachable"
  /** The broker answered but refused the credentials. */
  | "unauthorized"
  /** The broker is reachable but not set up as expected (missing tables, plugin disabled). */
  | "misconfigured"
  /** The request contradicts the broker's state: an idempotency key reused for another operation, a dead letter already resolved. */
  | "conflict"
  /** The request itself is invalid (a malformed cursor, an unknown destination). */
  | "invalid"
  /** The broker replied with something this adapter does not understand. */
  | "protocol";

/** A failure description safe to show to an operator: no stack, no connection string. */
export interface BrokerError {
  code: BrokerErrorCode;
  message: string;
}

/** The operation did not happen and repeating it unchanged will not help. */
export interface BrokerFailure {
  status: "failed";
  error: BrokerError;
}

/** The operation did not happen; it may succeed if repeated after `retryInMs` (see `withRetries`). */
export interface BrokerRetryable {
  status: "retryable";
  retryInMs: number;
  error: BrokerError;
}

/** The two ways any broker operation can fail. */
export type BrokerProblem = BrokerFailure | BrokerRetryable;

/** A read that either produced a value or failed. */
export type BrokerResult<T> = { status: "ok"; value: T } | BrokerProblem;

/** The thing asked about (a dead letter, a destination) does not exist (any more). */
export interface BrokerNotFound {
  status: "not-found";
}

export function ok<T>(value: T): { status: "ok"; value: T } {
  return { status: "ok", value };
}

export function failed(code: BrokerErrorCode, message: string): BrokerFailure {
  return { status: "failed", error: { code, message } };
}

export function retryable(code: BrokerErrorCode, message: string, retryInMs: number): BrokerRetryable {
  return { status: "retryable", retryInMs, error: { code, message } };
}

export function isProblem(result: { status: string }): result is BrokerProblem {
  return result.status === "failed" || result.status === "retryable";
}

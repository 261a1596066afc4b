/**
 * The one error type of Eventscope. Code carries meaning; the table below decides the HTTP
 * status; `toErrorBody` is the only translator from a thrown value to what a client sees.
 */
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  /** A broker Eventscope reads from is down, refused the credentials or answered nonsense. */
  BROKER_ERROR: 502,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  override name = "AppError";

  /** A finer-grained reason where one API maps it further (the Confluent API's error codes). */
  readonly reason?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; reason?: string },
  ) {
    super(message, { cause: options?.cause });
    this.reason = options?.reason;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

const internalMessage = "Something went wrong on our side. The error was logged.";

/** What the client sees for any thrown value: an AppError's own message, or nothing internal. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError && error.code !== "INTERNAL") {
    return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  }
  return { status: errorStatus.INTERNAL, body: { error: { code: "INTERNAL", message: internalMessage } } };
}

import { AppError, type ErrorCode } from "../errors";

/**
 * Confluent Schema Registry's error codes, keyed by the `reason` an AppError carries. The HTTP
 * status is the code's first three digits (409 stands alone), as in Confluent's `Errors` class.
 */
export const ccompatErrorCodes = {
  SUBJECT_NOT_FOUND: 40401,
  VERSION_NOT_FOUND: 40402,
  SCHEMA_NOT_FOUND: 40403,
  SUBJECT_SOFT_DELETED: 40404,
  SUBJECT_NOT_SOFT_DELETED: 40405,
  VERSION_SOFT_DELETED: 40406,
  VERSION_NOT_SOFT_DELETED: 40407,
  SUBJECT_COMPATIBILITY_NOT_CONFIGURED: 40408,
  INCOMPATIBLE_SCHEMA: 409,
  INVALID_SCHEMA: 42201,
  INVALID_VERSION: 42202,
  INVALID_COMPATIBILITY_LEVEL: 42203,
  SCHEMA_TOO_LARGE: 42209,
} as const;

export type CcompatReason = keyof typeof ccompatErrorCodes;

/** Where an AppError has no reason this API knows, its code decides (the generic Confluent codes). */
const codeFallback: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
};

/** The wire shape of every Confluent error. */
export interface CcompatErrorBody {
  error_code: number;
  message: string;
}

const appCodeByStatus: Record<number, ErrorCode> = { 404: "NOT_FOUND", 409: "CONFLICT", 422: "UNPROCESSABLE" };

const internalErrorCode = 50001;
const internalMessage = "Error in the backend data store";

/** An AppError whose reason maps to one Confluent error code; `status` follows from the code. */
export function ccompatError(reason: CcompatReason, message: string): AppError {
  return new AppError(appCodeByStatus[statusOf(ccompatErrorCodes[reason])] ?? "BAD_REQUEST", message, { reason });
}

/** Confluent's messages, worded as its `Errors` class words them. */
export const ccompatErrors = {
  subjectNotFound: (subject: string) => ccompatError("SUBJECT_NOT_FOUND", `Subject '${subject}' not found.`),
  versionNotFound: (version: number | string) => ccompatError("VERSION_NOT_FOUND", `Version ${version} not found.`),
  schemaNotFound: (id?: number | string) => ccompatError("SCHEMA_NOT_FOUND", id === undefined ? "Schema not found" : `Schema ${id} not found`),
  subjectSoftDeleted: (subject: string) => ccompatError("SUBJECT_SOFT_DELETED", `Subject '${subject}' was soft deleted.Set permanent=true to delete permanently`),
  subjectNotSoftDeleted: (subject: string) => ccompatError("SUBJECT_NOT_SOFT_DELETED", `Subject '${subject}' was not deleted first before being permanently deleted`),
  versionSoftDeleted: (subject: string, version: number) =>
    ccompatError("VERSION_SOFT_DELETED", `Subject '${subject}' Version ${version} was soft deleted.Set permanent=true to delete permanently`),
  versionNotSoftDeleted: (subject: string, version: number) =>
    ccompatError("VERSION_NOT_SOFT_DELETED", `Subject '${subject}' Version ${version} was not deleted first before being permanently deleted`),
  compatibilityNotConfigured: (subject: string) =>
    ccompatError("SUBJECT_COMPATIBILITY_NOT_CONFIGURED", `Subject '${subject}' does not have subject-level compatibility configured`),
  invalidVersion: (version: string) =>
    ccompatError("INVALID_VERSION", `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`),
  invalidCompatibilityLevel: () =>
    ccompatError(
      "INVALID_COMPATIBILITY_LEVEL",
      "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive",
    ),
  invalidCompatibilityPolicy: () => ccompatError("INVALID_COMPATIBILITY_LEVEL", "Invalid compatibility policy. Valid values are strict and lenient"),
  invalidSchema: (details: string) => ccompatError("INVALID_SCHEMA", `Invalid schema, details: ${details}`),
} as const;

function statusOf(errorCode: number): number {
  return errorCode >= 10_000 ? Math.floor(errorCode / 100) : errorCode;
}

function errorCodeOf(error: AppError): number | undefined {
  // The registry reports an oversized schema as PAYLOAD_TOO_LARGE with reason INVALID_SCHEMA.
  if (error.code === "PAYLOAD_TOO_LARGE") return ccompatErrorCodes.SCHEMA_TOO_LARGE;
  if (error.reason && error.reason in ccompatErrorCodes) return ccompatErrorCodes[error.reason as CcompatReason];
  return codeFallback[error.code];
}

/**
 * What a Confluent client sees for any thrown value: the AppError's own message under
 * Confluent's error code, or 50001 with nothing internal.
 */
export function toCcompatErrorBody(error: unknown): { status: number; body: CcompatErrorBody } {
  const errorCode = error instanceof AppError ? errorCodeOf(error) : undefined;
  if (error instanceof AppError && errorCode !== undefined) {
    return { status: statusOf(errorCode), body: { error_code: errorCode, message: error.message } };
  }
  return { status: 500, body: { error_code: internalErrorCode, message: internalMessage } };
}

import { z } from "zod";
import { failed, ok, retryable, type BrokerProblem, type BrokerResult } from "../broker-result";

/**
 * Translates database failures into broker outcomes. The embedded broker's "connection" is
 * the database, so an unreachable database is an unreachable broker. Messages name the kind of
 * failure only: never the connection string, host or credentials.
 */
const driverCauseSchema = z.object({
  meta: z.object({ driverAdapterError: z.object({ cause: z.object({ kind: z.string() }) }) }),
});

const unreachableRetryMs = 1_000;
const busyRetryMs = 50;

export function classifyDatabaseError(error: unknown): BrokerProblem | undefined {
  const parsed = driverCauseSchema.safeParse(error);
  if (parsed.success) {
    const kind = parsed.data.meta.driverAdapterError.cause.kind;
    switch (kind) {
      case "DatabaseNotReachable":
      case "SocketTimeout":
      case "TooManyConnections":
        return retryable("unreachable", `the embedded broker's database is unreachable (${kind})`, unreachableRetryMs);
      case "DatabaseAccessDenied":
      case "AuthenticationFailed":
        return failed("unauthorized", `the embedded broker's database refused the credentials (${kind})`);
      case "DatabaseDoesNotExist":
        return failed("misconfigured", "the embedded broker's database does not exist");
      case "TableDoesNotExist":
        return failed("misconfigured", "the embedded broker's tables are missing: the database has not been migrated");
      case "UniqueConstraintViolation":
        return failed("conflict", "the embedded broker already holds this (a reused message id, or a concurrent create)");
      case "TransactionWriteConflict":
      case "TransactionAlreadyClosed":
        return retryable("unreachable", `the embedded broker's database was busy (${kind})`, busyRetryMs);
      default:
        return failed("protocol", `the embedded broker's database failed (${kind})`);
    }
  }
  if (error instanceof Error) {
    if (/database is locked|SQLITE_BUSY/i.test(error.message)) return retryable("unreachable", "the embedded broker's database was busy", busyRetryMs);
    if (/cannot open database|unable to open database/i.test(error.message)) return failed("unreachable", "the embedded broker's database file cannot be opened");
    if (/Can't reach database server|ECONNREFUSED/i.test(error.message)) return retryable("unreachable", "the embedded broker's database is unreachable", unreachableRetryMs);
  }
  return undefined;
}

/**
 * Runs a database operation, turning expected database failures into outcomes; anything else
 * (a bug) is rethrown.
 */
export async function guarded<T>(operation: () => Promise<T>): Promise<BrokerResult<T>> {
  try {
    return ok(await operation());
  } catch (error) {
    const problem = classifyDatabaseError(error);
    if (problem === undefined) throw error;
    return problem;
  }
}

/** As {@link guarded}, for operations whose own result is already an outcome union. */
export async function guardedOutcome<R extends { status: string }>(operation: () => Promise<R>): Promise<R | BrokerProblem> {
  const result = await guarded(operation);
  return result.status === "ok" ? result.value : result;
}

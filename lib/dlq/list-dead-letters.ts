import { z } from "zod";
import { brokerProblemError, openBroker, type BrokerDirectory } from "../brokers/connections/broker-directory";
import type { DeadLetterSummary } from "../brokers/types";

/** A dead-letter listing as the URL and the API carry it. */
export const deadLetterQuerySchema = z.object({
  broker: z.string().trim().min(1).default("embedded"),
  destination: z.string().trim().min(1).optional().catch(undefined),
  reason: z.string().trim().min(1).optional().catch(undefined),
  text: z.string().trim().min(1).optional().catch(undefined),
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type DeadLetterQuery = z.infer<typeof deadLetterQuerySchema>;

export interface DeadLetterListing {
  broker: string;
  items: DeadLetterSummary[];
  nextCursor: string | null;
}

/** One page of the dead letters waiting on one broker, newest first; a broker failure is a 502 naming it. */
export async function listDeadLetters(directory: BrokerDirectory, query: DeadLetterQuery): Promise<DeadLetterListing> {
  const { connection, broker } = await openBroker(directory, query.broker);
  const page = await broker.listDeadLetters({
    filter: { destination: query.destination, reason: query.reason, text: query.text },
    cursor: query.cursor,
    limit: query.limit,
  });
  if (page.status !== "ok") throw brokerProblemError(connection, page);
  return { broker: connection.name, ...page.value };
}

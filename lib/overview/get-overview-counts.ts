import type { Database } from "../db";

/** The live counts on the landing page. */
export interface OverviewCounts {
  eventTypes: number;
  servicesSeen: number;
  spansStored: number;
  deadLettersWaiting: number;
}

export async function getOverviewCounts(database: Database): Promise<OverviewCounts> {
  const [eventTypes, servicesSeen, spansStored, deadLettersWaiting] = await Promise.all([
    database.eventType.count(),
    // Services seen at run time: distinct service.name values among stored spans.
    database.$queryRaw<{ count: bigint | number }[]>`SELECT COUNT(DISTINCT "serviceName") AS "count" FROM "Span"`.then((rows) =>
      Number(rows[0]?.count ?? 0),
    ),
    database.span.count(),
    // The embedded broker's dead letters, counted in its table: the adapter lists pages, and the
    // landing page only needs the total.
    database.brokerDeadLetter.count({ where: { status: "WAITING" } }),
  ]);
  return { eventTypes, servicesSeen, spansStored, deadLettersWaiting };
}

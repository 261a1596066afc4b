import type { Metadata } from "next";
import Link from "next/link";
import { brokerDirectory } from "@/lib/brokers/connections/broker-directory";
import { listBrokerConnections } from "@/lib/brokers/connections/list-broker-connections";
import { listDeadLetters, deadLetterQuerySchema, type DeadLetterListing, type DeadLetterQuery } from "@/lib/dlq/list-dead-letters";
import { AppError } from "@/lib/errors";
import { formatInstant } from "@/lib/format/units";

export const metadata: Metadata = { title: "Dead letters" };

type SearchParams = Record<string, string | string[] | undefined>;

function href(query: Partial<DeadLetterQuery>): string {
  const params = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value === undefined || value === "" ? [] : [[key, String(value)]])));
  params.delete("limit");
  if (params.get("broker") === "embedded") params.delete("broker");
  const search = params.toString();
  return search ? `/dead-letters?${search}` : "/dead-letters";
}

export default async function DeadLettersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = deadLetterQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : deadLetterQuerySchema.parse({});
  const directory = brokerDirectory();
  const connections = await listBrokerConnections(directory.database, directory.fromEnvironment);
  let listing: DeadLetterListing | null = null;
  let problem: string | null = null;
  try {
    listing = await listDeadLetters(directory, query);
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "INTERNAL") throw error;
    problem = error.message;
  }
  const filtered = query.destination !== undefined || query.reason !== undefined || query.text !== undefined;

  return (
    <>
      <h1>Dead letters</h1>
      <p className="page-intro">Messages that consumers gave up on and that wait for a decision, newest first, per broker.</p>
      <nav className="segmented" aria-label="Broker">
        {connections.map((connection) => (
          <Link key={connection.name} href={href({ broker: connection.name })} aria-current={connection.name === query.broker ? "page" : undefined}>
            {connection.name}
          </Link>
        ))}
      </nav>
      <form className="trace-search panel" role="search" action="/dead-letters" aria-label="Filter dead letters">
        {query.broker !== "embedded" ? <input type="hidden" name="broker" value={query.broker} /> : null}
        <div className="trace-search-row">
          <label className="field">
            <span className="field-label">Original destination</span>
            <input type="text" name="destination" defaultValue={query.destination} placeholder="exactly, e.g. order.placed" autoComplete="off" spellCheck={false} />
          </label>
          <label className="field">
            <span className="field-label">Reason contains</span>
            <input type="text" name="reason" defaultValue={query.reason} placeholder="e.g. declined" autoComplete="off" spellCheck={false} />
          </label>
          <label className="field">
            <span className="field-label">Payload contains</span>
            <input type="search" name="text" defaultValue={query.text} placeholder="e.g. an order id" autoComplete="off" spellCheck={false} />
          </label>
          <button type="submit">Filter</button>
          {filtered ? <Link href={href({ broker: query.broker })}>Clear</Link> : null}
        </div>
      </form>
      {problem !== null ? (
        <div className="callout callout-bad" role="alert">
          <strong>The dead letters of {query.broker} cannot be read.</strong>
          <p>{problem}</p>
        </div>
      ) : listing === null || listing.items.length === 0 ? (
        <div className="empty">
          <strong>{filtered || query.cursor ? "No dead letters match." : "No dead letters waiting."}</strong>
          Messages that a consumer fails to process more often than its max deliveries appear here.
        </div>
      ) : (
        <>
          <div className="table-wrap">
            <table aria-label={`Dead letters on ${listing.broker}`}>
              <thead>
                <tr>
                  <th scope="col">Last death</th>
                  <th scope="col">Destination</th>
                  <th scope="col">Consumer</th>
                  <th scope="col">Message id</th>
                  <th scope="col">Deliveries</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {listing.items.map((deadLetter) => (
                  <tr key={deadLetter.id}>
                    <td>{formatInstant(deadLetter.lastDeathAt)}</td>
                    <td className="mono">{deadLetter.originalDestination}</td>
                    <td className="mono">{deadLetter.consumer ?? ""}</td>
                    <td className="mono">{deadLetter.messageId ?? ""}</td>
                    <td>{deadLetter.deliveryCount}</td>
                    <td>{deadLetter.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="toolbar">
            {query.cursor ? <Link href={href({ ...query, cursor: undefined })}>Newest</Link> : null}
            {listing.nextCursor ? <Link href={href({ ...query, cursor: listing.nextCursor })}>Older →</Link> : null}
          </p>
        </>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { createBroker } from "@/lib/brokers/create-broker";
import { db } from "@/lib/db";
import { listWaitingDeadLetters } from "@/lib/dlq/list-dead-letters";
import { databaseConfig } from "@/lib/env";
import { formatInstant } from "@/lib/format/units";

export const metadata: Metadata = { title: "Dead letters" };

export default async function DeadLettersPage() {
  const broker = createBroker({ kind: "embedded", database: db(), provider: databaseConfig().provider });
  const result = await listWaitingDeadLetters(broker);
  return (
    <>
      <h1>Dead letters</h1>
      <p className="page-intro">Messages that consumers of the embedded broker gave up on and that wait for a decision, newest first.</p>
      {result.status !== "ok" ? (
        <div className="empty" role="alert">
          <strong>The embedded broker cannot be read.</strong>
          {result.error.message}
        </div>
      ) : result.value.length === 0 ? (
        <div className="empty">
          <strong>No dead letters waiting.</strong>
          Messages that a consumer fails to process more often than its max deliveries appear here.
        </div>
      ) : (
        <div className="table-wrap">
          <table>
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
              {result.value.map((deadLetter) => (
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
      )}
    </>
  );
}

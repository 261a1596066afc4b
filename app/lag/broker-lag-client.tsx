"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDurationNano } from "@/lib/format/units";
import { brokerLagQueryOptions } from "@/lib/queries/lag";

const number = new Intl.NumberFormat("en");

/** What each broker says is waiting, per destination and consumer; a broker that is down says so in its own row. */
export function BrokerLagTables() {
  const { data, error } = useQuery(brokerLagQueryOptions());
  if (!data) return error ? <p className="inline-error">Could not load broker lag: {error.message}</p> : null;
  return (
    <>
      <h2>Broker-side lag</h2>
      <div className="table-wrap">
        <table aria-label="Broker-side lag">
          <thead>
            <tr>
              <th scope="col">Broker</th>
              <th scope="col">Destination</th>
              <th scope="col">Consumer</th>
              <th scope="col" className="num">Waiting</th>
              <th scope="col" className="num">In flight</th>
              <th scope="col" className="num">Oldest waiting</th>
            </tr>
          </thead>
          <tbody>
            {data.flatMap((lag) =>
              lag.status === "error"
                ? [
                    <tr key={lag.broker.name}>
                      <td className="mono">{lag.broker.name}</td>
                      <td colSpan={5} className="broker-down" role="alert">
                        {lag.message} <Link href="/settings">Settings</Link>
                      </td>
                    </tr>,
                  ]
                : lag.readings.length === 0
                  ? [
                      <tr key={lag.broker.name}>
                        <td className="mono">{lag.broker.name}</td>
                        <td colSpan={5} className="muted">
                          no consumers to report
                        </td>
                      </tr>,
                    ]
                  : lag.readings.map((reading) => (
                      <tr key={`${lag.broker.name}/${reading.destination}/${reading.consumer}`}>
                        <td className="mono">{lag.broker.name}</td>
                        <td className="mono">{reading.destination}</td>
                        <td className="mono">{reading.consumer}</td>
                        <td className="num">{reading.waiting > 0 ? <strong>{number.format(reading.waiting)}</strong> : 0}</td>
                        <td className="num">{reading.inFlight === null ? <span className="muted">–</span> : number.format(reading.inFlight)}</td>
                        <td className="num">{reading.oldestWaitingAgeMs === null ? <span className="muted">–</span> : formatDurationNano(BigInt(Math.round(reading.oldestWaitingAgeMs)) * 1_000_000n)}</td>
                      </tr>
                    )),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

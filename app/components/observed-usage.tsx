import Link from "next/link";
import { formatStartTime } from "@/app/traces/trace-format";
import { formatCount } from "@/lib/format/units";
import type { UsageFinding, UsageRow } from "@/lib/registry/observed-usage";
import { eventTypeHref, serviceHref } from "./entity-links";

const findingTitle: Record<UsageFinding["kind"], string> = {
  UNDECLARED_PRODUCER: "Undeclared producer",
  UNDECLARED_CONSUMER: "Undeclared consumer",
  DECLARED_CONSUMER_NEVER_SEEN: "Declared consumer never seen",
  DECLARED_PRODUCER_NEVER_SEEN: "Declared producer never seen",
  SENT_WITHOUT_CONSUMER: "Sent with no consumer",
  RUNTIME_ONLY_DESTINATION: "Destination seen only at run time",
};

/** Where the catalog and the spans disagree, as quiet notes; says so when they agree. */
export function UsageFindings({ findings, observedAnything }: { findings: UsageFinding[]; observedAnything: boolean }) {
  if (findings.length === 0) {
    return observedAnything ? <p className="small ok-text">What was seen at run time matches the declarations.</p> : null;
  }
  return (
    <ul className="findings" aria-label="Findings">
      {findings.map((finding) => (
        <li key={`${finding.kind}:${finding.message}`} className="finding">
          <span className="finding-kind">{findingTitle[finding.kind]}</span>
          {finding.message}
        </li>
      ))}
    </ul>
  );
}

/** An undeclared service may have no catalog page: its row opens what it was seen doing. */
function tracesHref(row: UsageRow): string {
  return `/traces?${new URLSearchParams({ service: row.service, eventType: row.eventType }).toString()}`;
}

/**
 * Declared and observed, one row per service (on an event type's page) or per event type (on a
 * service's page) and role.
 */
export function UsageTable({ rows, by, labelledBy }: { rows: UsageRow[]; by: "service" | "eventType"; labelledBy: string }) {
  return (
    <div className="table-wrap">
      <table className="usage-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{by === "service" ? "Service" : "Event type"}</th>
            <th scope="col">Role</th>
            <th scope="col">Catalog</th>
            <th scope="col" className="num">
              Messages seen
            </th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.role}:${row.eventType}:${row.service}`}>
              <td className="mono">
                <Link href={by === "eventType" ? eventTypeHref(row.eventType) : row.declared ? serviceHref(row.service) : tracesHref(row)}>{by === "service" ? row.service : row.eventType}</Link>
              </td>
              <td>{row.role === "publish" ? "producer" : "consumer"}</td>
              <td>{row.declared ? <span className="muted">declared</span> : <span className="badge badge-warn">not declared</span>}</td>
              <td className="num">{row.messages > 0 ? formatCount(row.messages) : <span className="muted">never seen</span>}</td>
              <td className="nowrap small">{row.lastSeen ? formatStartTime(row.lastSeen) : <span className="muted">–</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

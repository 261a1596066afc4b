import Link from "next/link";
import { Markdown } from "@/app/components/markdown";
import { StateBadge } from "@/app/components/state-badge";
import { formatInstant } from "@/lib/format/units";
import type { EventTypeDetail } from "@/lib/registry/get-event-type";
import { versionHref, type VersionSelection } from "@/lib/registry/view/version-params";
import { VersionActions } from "./version-actions-client";

export function VersionsTable({ eventType, selection }: { eventType: EventTypeDetail; selection: VersionSelection }) {
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      {eventType.versions.length === 0 ? (
        <div className="empty">
          <strong>No versions yet.</strong>
          <Link href={`/catalog/${encodeURIComponent(eventType.name)}/register`}>Register the first one</Link>.
        </div>
      ) : (
        <div className="table-wrap">
          <table className="versions-table">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">State</th>
                <th scope="col">Created</th>
                <th scope="col">Changelog</th>
                <th scope="col">
                  <span className="visually-hidden">Lifecycle actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {eventType.versions.map((version) => (
                <tr key={version.version} data-testid={`version-row-${version.version}`}>
                  <td className="nowrap">
                    <Link
                      className="version"
                      href={versionHref(eventType.name, selection, { selected: version.version }, "schema")}
                      aria-label={`Show the schema of v${version.version}`}
                    >
                      v{version.version}
                    </Link>
                    {version.label ? <div className="muted mono">{version.label}</div> : null}
                  </td>
                  <td className="nowrap">
                    <StateBadge state={version.state} />
                    <div className="muted small">
                      by {version.stateChangedBy}
                      <br />
                      {formatInstant(new Date(version.stateChangedAt))}
                    </div>
                  </td>
                  <td className="nowrap small">
                    {version.createdBy}
                    <div className="muted">{formatInstant(new Date(version.createdAt))}</div>
                  </td>
                  <td className="changelog">{version.changelog ? <Markdown text={version.changelog} /> : <span className="muted">none</span>}</td>
                  <td className="nowrap actions-cell">
                    <VersionActions name={eventType.name} version={version.version} state={version.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

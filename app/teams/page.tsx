import type { Metadata } from "next";
import Link from "next/link";
import { teamHref } from "@/app/components/entity-links";
import { db } from "@/lib/db";
import { listTeams } from "@/lib/registry/teams";
import { markdownToPlainText } from "@/lib/registry/view/markdown";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const teams = await listTeams(db());
  return (
    <>
      <h1>Teams</h1>
      <p className="page-intro">Who owns which event types and services, and how to reach them.</p>
      {teams.length === 0 ? (
        <div className="empty">
          <strong>No teams yet.</strong>Teams come from the catalog seed, an AsyncAPI import or <code>PUT /api/teams</code>.
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Description</th>
                <th scope="col" className="num">
                  Event types
                </th>
                <th scope="col" className="num">
                  Services
                </th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.slug}>
                  <td className="nowrap">
                    <Link className="strong-link" href={teamHref(team.slug)}>
                      {team.name}
                    </Link>
                  </td>
                  <td className="muted">{markdownToPlainText(team.description) || "—"}</td>
                  <td className="num">{team.eventTypeCount > 0 ? <Link href={`/catalog?team=${encodeURIComponent(team.slug)}`}>{team.eventTypeCount}</Link> : 0}</td>
                  <td className="num">{team.serviceCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

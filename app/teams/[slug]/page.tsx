import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { eventTypeHref, serviceHref } from "@/app/components/entity-links";
import { Markdown } from "@/app/components/markdown";
import { StateBadge } from "@/app/components/state-badge";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getTeam } from "@/lib/registry/teams";
import { markdownToPlainText } from "@/lib/registry/view/markdown";

type Props = { params: Promise<{ slug: string }> };

async function loadTeam(slug: string) {
  try {
    return await getTeam(db(), slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const team = await getTeam(db(), slug).catch(() => null);
  return { title: team ? `${team.name} team` : "Team not found" };
}

export default async function TeamPage({ params }: Props) {
  const team = await loadTeam((await params).slug);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/teams">Teams</Link>
      </nav>
      <h1>{team.name}</h1>
      {team.description ? <Markdown className="page-intro" text={team.description} /> : null}
      <dl className="facts-list facts-inline">
        <dt>Email</dt>
        <dd>{team.contactEmail ? <a href={`mailto:${team.contactEmail}`}>{team.contactEmail}</a> : <span className="muted">none</span>}</dd>
        <dt>Slack</dt>
        <dd>
          {team.slackChannel ? (
            <a href={team.slackChannel} rel="noopener noreferrer" target="_blank">
              {team.slackChannel.replace(/^https?:\/\//, "")}
            </a>
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
      </dl>
      <div className="two-columns">
        <section aria-labelledby="owned-heading">
          <h2 id="owned-heading">
            Event types owned <span className="muted section-sub">{team.eventTypes.length}</span>
          </h2>
          {team.eventTypes.length === 0 ? (
            <p className="muted">This team owns no event types.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <tbody>
                  {team.eventTypes.map((eventType) => (
                    <tr key={eventType.name}>
                      <td>
                        <Link className="mono strong-link" href={eventTypeHref(eventType.name)}>
                          {eventType.name}
                        </Link>
                        {eventType.description ? <div className="muted clamp">{markdownToPlainText(eventType.description)}</div> : null}
                      </td>
                      <td className="nowrap">
                        {eventType.latestVersion === null ? null : <span className="version">v{eventType.latestVersion}</span>} <StateBadge state={eventType.latestState} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <div>
          <section aria-labelledby="services-heading">
            <h2 id="services-heading">
              Services <span className="muted section-sub">{team.services.length}</span>
            </h2>
            {team.services.length === 0 ? (
              <p className="muted">This team owns no services.</p>
            ) : (
              <ul className="link-list">
                {team.services.map((service) => (
                  <li key={service.name}>
                    <Link className="mono" href={serviceHref(service.name)}>
                      {service.name}
                    </Link>
                    {service.description ? <span className="muted"> — {markdownToPlainText(service.description)}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="members-heading">
            <h2 id="members-heading">
              Members <span className="muted section-sub">{team.members.length}</span>
            </h2>
            {team.members.length === 0 ? (
              <p className="muted">No members listed.</p>
            ) : (
              <ul className="link-list">
                {team.members.map((member) => (
                  <li key={member.email}>
                    {member.name} <a className="muted" href={`mailto:${member.email}`}>{member.email}</a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

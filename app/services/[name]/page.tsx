import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { decodeSegment, eventTypeHref, teamHref } from "@/app/components/entity-links";
import { Markdown } from "@/app/components/markdown";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getService } from "@/lib/registry/services";
import { markdownToPlainText } from "@/lib/registry/view/markdown";
import { ServiceUsageSection } from "./service-usage-section";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodeSegment((await params).name)} service` };
}

export default async function ServicePage({ params }: Props) {
  const name = decodeSegment((await params).name);
  const service = await getService(db(), name).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const lists = [
    { id: "produces", title: "Produces", items: service.produces, empty: "Declares no event types it produces." },
    { id: "consumes", title: "Consumes", items: service.consumes, empty: "Declares no event types it consumes." },
  ];
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/services">Services</Link>
      </nav>
      <h1 className="mono">{service.name}</h1>
      {service.description ? <Markdown className="page-intro" text={service.description} /> : null}
      <dl className="facts-list facts-inline">
        <dt>Owner</dt>
        <dd>{service.ownerTeam ? <Link href={teamHref(service.ownerTeam.slug)}>{service.ownerTeam.name}</Link> : <span className="muted">no owner team</span>}</dd>
      </dl>
      <div className="two-columns">
        {lists.map((list) => (
          <section key={list.id} aria-labelledby={`${list.id}-heading`}>
            <h2 id={`${list.id}-heading`}>
              {list.title} <span className="muted section-sub">{list.items.length}</span>
            </h2>
            {list.items.length === 0 ? (
              <p className="muted">{list.empty}</p>
            ) : (
              <div className="table-wrap">
                <table aria-labelledby={`${list.id}-heading`}>
                  <tbody>
                    {list.items.map((eventType) => (
                      <tr key={eventType.name}>
                        <td>
                          <Link className="mono strong-link" href={eventTypeHref(eventType.name)}>
                            {eventType.name}
                          </Link>
                          {eventType.description ? <div className="muted clamp">{markdownToPlainText(eventType.description)}</div> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        ))}
      </div>
      <ServiceUsageSection name={service.name} />
    </>
  );
}

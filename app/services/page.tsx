import type { Metadata } from "next";
import Link from "next/link";
import { serviceHref, teamHref } from "@/app/components/entity-links";
import { db } from "@/lib/db";
import { listServices } from "@/lib/registry/services";
import { markdownToPlainText } from "@/lib/registry/view/markdown";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  const services = await listServices(db());
  return (
    <>
      <h1>Services</h1>
      <p className="page-intro">The services declared in the catalog, their owners, and how many event types each produces and consumes.</p>
      {services.length === 0 ? (
        <div className="empty">
          <strong>No services yet.</strong>Services are declared as producers and consumers of event types.
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Owner</th>
                <th scope="col">Description</th>
                <th scope="col" className="num">
                  Produces
                </th>
                <th scope="col" className="num">
                  Consumes
                </th>
              </tr>
            </thead>
            <tbody>
              {services.map((service) => (
                <tr key={service.name}>
                  <td className="nowrap">
                    <Link className="mono strong-link" href={serviceHref(service.name)}>
                      {service.name}
                    </Link>
                  </td>
                  <td className="nowrap">{service.ownerTeam ? <Link href={teamHref(service.ownerTeam.slug)}>{service.ownerTeam.name}</Link> : <span className="muted">none</span>}</td>
                  <td className="muted">{markdownToPlainText(service.description) || "—"}</td>
                  <td className="num">{service.produces}</td>
                  <td className="num">{service.consumes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

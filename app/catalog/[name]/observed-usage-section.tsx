import Link from "next/link";
import { UsageFindings, UsageTable } from "@/app/components/observed-usage";
import { db } from "@/lib/db";
import { eventFlowHref } from "@/lib/queries/flows";
import type { EventTypeDetail } from "@/lib/registry/get-event-type";
import { getObservedUsage, joinUsage } from "@/lib/registry/observed-usage";

/** The catalog join on an event type's page: declared producers and consumers beside the ones seen in spans, with findings. */
export async function ObservedUsageSection({ eventType }: { eventType: EventTypeDetail }) {
  const usage = await getObservedUsage(db(), eventType);
  const declared = (services: string[], role: "publish" | "consume") => services.map((service) => ({ service, eventType: eventType.name, role }));
  const rows = joinUsage(
    [...declared(eventType.producers, "publish"), ...declared(eventType.consumers, "consume")],
    usage.observed.map((entry) => ({ ...entry, eventType: eventType.name })),
  );
  return (
    <section aria-labelledby="usage-heading">
      <div className="section-head">
        <h2 id="usage-heading">
          Declared and observed <span className="muted section-sub">producers and consumers, from stored spans</span>
        </h2>
        <Link href={eventFlowHref(eventType.name)}>Event flow</Link>
      </div>
      <UsageFindings findings={usage.findings} observedAnything={usage.observed.length > 0} />
      {rows.length === 0 ? (
        <p className="muted">No producer or consumer is declared, and none has been seen.</p>
      ) : (
        <UsageTable rows={rows} by="service" labelledBy="usage-heading" />
      )}
    </section>
  );
}

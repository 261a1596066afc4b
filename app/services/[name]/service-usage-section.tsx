import Link from "next/link";
import { UsageFindings, UsageTable } from "@/app/components/observed-usage";
import { db } from "@/lib/db";
import { getServiceUsage } from "@/lib/registry/get-service-usage";
import { traceSearchQueryString } from "@/lib/traces/query/trace-search-params";

/** The catalog join from a service's side: what it declares beside what its spans show, with findings. */
export async function ServiceUsageSection({ name }: { name: string }) {
  const usage = await getServiceUsage(db(), name);
  return (
    <section aria-labelledby="usage-heading">
      <div className="section-head">
        <h2 id="usage-heading">
          Declared and observed <span className="muted section-sub">event types, from stored spans</span>
        </h2>
        <Link href={`/traces${traceSearchQueryString({ service: name })}`}>Traces of {name}</Link>
      </div>
      <UsageFindings findings={usage.findings} observedAnything={usage.rows.some((row) => row.messages > 0)} />
      {usage.rows.length === 0 ? (
        <p className="muted">Declares no event types, and none has been seen in its spans.</p>
      ) : (
        <UsageTable rows={usage.rows} by="eventType" labelledBy="usage-heading" />
      )}
    </section>
  );
}

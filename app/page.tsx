import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import Link from "next/link";
import { db } from "@/lib/db";
import { getOverviewCounts } from "@/lib/overview/get-overview-counts";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { overviewCountsQueryOptions } from "@/lib/queries/overview";
import { OverviewCounts } from "./overview-counts-client";

const tasks = [
  { href: "/catalog", title: "Browse the event catalog", text: "Every event type, its owner, versions and schemas, and who produces and consumes it." },
  { href: "/catalog", title: "Register a new event version", text: "A compatibility check blocks breaking changes and names the live consumers they would hit." },
  { href: "/traces", title: "Follow one order across services", text: "Search by a business key such as order.id and see the flow from producer through broker to consumer." },
  { href: "/dead-letters", title: "Replay dead letters", text: "Inspect, fix and send failed messages back through their broker, audited and never duplicated." },
];

export default async function HomePage() {
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({ ...overviewCountsQueryOptions(), queryFn: () => getOverviewCounts(db()) });
  return (
    <>
      <h1>Overview</h1>
      <p className="page-intro">What Eventscope knows right now, from the catalog and from live traffic.</p>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OverviewCounts />
      </HydrationBoundary>
      <h2>What you can do here</h2>
      <div className="cards">
        {tasks.map((task) => (
          <div className="card" key={task.title}>
            <h3>
              <Link href={task.href}>{task.title}</Link>
            </h3>
            <p>{task.text}</p>
          </div>
        ))}
      </div>
    </>
  );
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { brokerDirectory } from "@/lib/brokers/connections/broker-directory";
import { db } from "@/lib/db";
import { getLagOverview } from "@/lib/lag/get-lag-overview";
import { lagQuerySchema, lagWindowLabels, lagWindows } from "@/lib/lag/lag-window";
import { readBrokerLag } from "@/lib/lag/read-broker-lag";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { brokerLagQueryOptions, lagOverviewQueryOptions } from "@/lib/queries/lag";
import { BrokerLagTables } from "./broker-lag-client";
import { LagTables } from "./lag-tables-client";

export const metadata: Metadata = { title: "Lag" };

export default async function LagPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = lagQuerySchema.safeParse(await searchParams);
  const windowMinutes = parsed.success ? parsed.data.window : 60;
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ ...lagOverviewQueryOptions(windowMinutes), queryFn: () => getLagOverview(db(), windowMinutes) }),
    queryClient.prefetchQuery({ ...brokerLagQueryOptions(), queryFn: () => readBrokerLag(brokerDirectory()) }),
  ]);
  return (
    <>
      <h1>Lag</h1>
      <p className="page-intro">How long messages wait between being published and being processed, per event type and consumer, measured from messaging spans, and what each broker says is still waiting.</p>
      <nav className="segmented" aria-label="Time window">
        {lagWindows.map((minutes) => (
          <Link key={minutes} href={`/lag?window=${minutes}`} aria-current={minutes === windowMinutes ? "page" : undefined}>
            Last {lagWindowLabels[minutes]}
          </Link>
        ))}
      </nav>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <LagTables windowMinutes={windowMinutes} />
        <BrokerLagTables />
      </HydrationBoundary>
    </>
  );
}

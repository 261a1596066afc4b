import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/env";
import { orderFlowQueryOptions } from "@/lib/queries/flows";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { getOrderFlow, orderFlowQuerySchema } from "@/lib/traces/query/get-order-flow";
import { spanReader } from "@/lib/traces/span-store/span-reader";
import { OrderFlowView } from "./order-flow-client";

export const metadata: Metadata = { title: "Order flow" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

export default async function FlowsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const keys = env().EVENTSCOPE_BUSINESS_KEYS;
  const key = first(raw.key) || keys[0] || "order.id";
  const value = first(raw.value);
  const parsed = value ? orderFlowQuerySchema.safeParse({ key, value }) : null;
  const queryClient = getQueryClient();
  if (parsed?.success) await queryClient.prefetchQuery({ ...orderFlowQueryOptions(parsed.data.key, parsed.data.value), queryFn: () => getOrderFlow(spanReader(), parsed.data) });
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link href="/traces">Traces</Link> <span aria-hidden="true">/</span> <span>Order flow</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>Order flow{parsed?.success ? <span className="mono h1-sub"> {`${parsed.data.key} = ${parsed.data.value}`}</span> : null}</h1>
          <p className="page-intro">
            One business entity across services: every trace that carries the key, plus the traces reached through span links in either direction and shared message ids,
            stitched into one graph and one timeline of hops.
          </p>
        </div>
      </div>
      <form className="toolbar" role="search" action="/flows" aria-label="Open the flow of a business key">
        <input type="text" name="key" defaultValue={key} list="flow-key-options" aria-label="Business key" className="input-short" spellCheck={false} />
        <input type="search" name="value" defaultValue={value} placeholder="value, e.g. 1042" aria-label="Value" className="input-short" spellCheck={false} autoFocus={!value} />
        <button type="submit" className="button-primary">
          Show flow
        </button>
        <datalist id="flow-key-options">
          {keys.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
      </form>
      {parsed === null ? (
        <div className="empty">
          <strong>Enter a business key and value.</strong>
          For example <Link href={`/flows?key=order.id&value=1042`}>order.id = 1042</Link>, or search <Link href="/traces">traces</Link> and follow a result&apos;s key.
        </div>
      ) : parsed.success ? (
        <HydrationBoundary state={dehydrate(queryClient)}>
          <OrderFlowView flowKey={parsed.data.key} flowValue={parsed.data.value} />
        </HydrationBoundary>
      ) : (
        <p className="callout callout-bad" role="alert">
          {parsed.error.issues[0]?.path.join(".")}: {parsed.error.issues[0]?.message}
        </p>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { decodeSegment } from "@/app/components/entity-links";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getEventType } from "@/lib/registry/get-event-type";
import { prettyJson } from "@/lib/registry/view/json-tokens";
import { RegisterVersionForm } from "./register-client";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Register a version of ${decodeSegment((await params).name)}` };
}

export default async function RegisterVersionPage({ params }: Props) {
  const name = decodeSegment((await params).name);
  const eventType = await getEventType(db(), name).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const latest = eventType.versions[0];
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/catalog">Catalog</Link>
        <span aria-hidden="true">/</span>
        <Link className="mono" href={`/catalog/${encodeURIComponent(eventType.name)}`}>
          {eventType.name}
        </Link>
      </nav>
      <h1>
        Register a new version of <span className="mono">{eventType.name}</span>
      </h1>
      <p className="page-intro">
        {latest
          ? `Starts from v${latest.version}. Every change is checked against the live versions as you type; a breaking change is blocked unless the event type's mode is NONE.`
          : "This event type has no versions yet: any valid schema can be its first."}
      </p>
      <RegisterVersionForm
        name={eventType.name}
        mode={eventType.effective.mode}
        policy={eventType.effective.policy}
        initialFormat={latest?.format ?? "JSON_SCHEMA"}
        initialSchema={latest ? prettyJson(latest.schema) : ""}
        initialExample={latest?.examplePayload ? prettyJson(latest.examplePayload) : ""}
        latestLabel={latest?.label ?? null}
      />
    </>
  );
}

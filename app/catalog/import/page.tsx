import type { Metadata } from "next";
import Link from "next/link";
import { ImportAsyncApiForm } from "./import-client";

export const metadata: Metadata = { title: "Import AsyncAPI" };

export default function ImportAsyncApiPage() {
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/catalog">Catalog</Link>
      </nav>
      <h1>Import AsyncAPI</h1>
      <p className="page-intro">
        Adds the messages of an AsyncAPI 2.6 or 3.x document to the catalog as event types, with their schemas, channels and the services that send and receive
        them. A document split over several files is fine: choose its folder or all its files, then the entry file. Nothing is written unless the whole
        document is valid.
      </p>
      <ImportAsyncApiForm />
    </>
  );
}

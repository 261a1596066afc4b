import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";
import { Navigation } from "./navigation-client";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Eventscope", template: "%s · Eventscope" },
  description: "Event catalog and observability for event-driven systems",
};

// Every page shows live data from the database; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="header">
          <Link href="/" className="brand">
            <svg width="20" height="20" viewBox="0 0 32 32" aria-hidden="true">
              <rect width="32" height="32" rx="7" fill="var(--accent)" />
              <circle cx="9" cy="16" r="3.5" fill="var(--panel)" />
              <circle cx="23" cy="9" r="3" fill="var(--panel)" />
              <circle cx="23" cy="23" r="3" fill="var(--panel)" />
            </svg>
            Eventscope
          </Link>
          <Navigation />
        </header>
        <Providers>
          <main id="main" className="main">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}

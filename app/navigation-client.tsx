"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const navigation = [
  { href: "/catalog", label: "Catalog" },
  { href: "/traces", label: "Traces" },
  { href: "/lag", label: "Lag" },
  { href: "/dead-letters", label: "Dead letters" },
  { href: "/settings", label: "Settings" },
] as const;

export function Navigation() {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Main">
      {navigation.map((item) => (
        <Link key={item.href} href={item.href} aria-current={pathname.startsWith(item.href) ? "page" : undefined}>
          {item.label}
        </Link>
      ))}
    </nav>
  );
}

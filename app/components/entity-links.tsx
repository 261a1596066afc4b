import Link from "next/link";

export function serviceHref(name: string): string {
  return `/services/${encodeURIComponent(name)}`;
}

export function teamHref(slug: string): string {
  return `/teams/${encodeURIComponent(slug)}`;
}

export function eventTypeHref(name: string, params?: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) if (value !== undefined) query.set(key, String(value));
  const text = query.toString();
  return `/catalog/${encodeURIComponent(name)}${text ? `?${text}` : ""}`;
}

/** Service names as links to their pages, one per line; says so when there are none. */
export function ServiceLinks({ names, empty = "none declared" }: { names: string[]; empty?: string }) {
  if (names.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="plain-list mono">
      {names.map((name) => (
        <li key={name}>
          <Link href={serviceHref(name)}>{name}</Link>
        </li>
      ))}
    </ul>
  );
}

/** A dynamic route segment as text; tolerates one that is not valid percent-encoding. */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

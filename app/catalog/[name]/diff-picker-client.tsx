"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { versionHref, type VersionSelection } from "@/lib/registry/view/version-params";

/**
 * Chooses the two versions to compare. A plain GET form, so it works without JavaScript;
 * with it, a change navigates at once and keeps the page where it is.
 */
export function DiffPicker({ name, selection, versions }: { name: string; selection: VersionSelection; versions: number[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const ascending = [...versions].sort((a, b) => a - b);
  const go = (change: Partial<VersionSelection>) =>
    startTransition(() => router.replace(versionHref(name, selection, change, "diff"), { scroll: false }));
  return (
    <form className="diff-picker" action={`/catalog/${encodeURIComponent(name)}#diff`} method="get" aria-busy={pending}>
      {selection.selected !== null ? <input type="hidden" name="version" value={selection.selected} /> : null}
      <label>
        From{" "}
        <select name="from" value={selection.from ?? ""} onChange={(event) => go({ from: Number(event.target.value) })} aria-label="Compare from version">
          {ascending.map((version) => (
            <option key={version} value={version}>
              v{version}
            </option>
          ))}
        </select>
      </label>
      <label>
        to{" "}
        <select name="to" value={selection.to ?? ""} onChange={(event) => go({ to: Number(event.target.value) })} aria-label="Compare to version">
          {ascending.map((version) => (
            <option key={version} value={version}>
              v{version}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit">Compare</button>
      </noscript>
    </form>
  );
}

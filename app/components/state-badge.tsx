import { stateTone } from "@/lib/registry/view/lifecycle";

/** A version's lifecycle state, coloured by what it means for consumers. */
export function StateBadge({ state }: { state: string | null | undefined }) {
  if (!state) return <span className="muted">no version</span>;
  const tone = stateTone(state);
  return <span className={tone === "neutral" ? "badge" : `badge badge-${tone}`}>{state.toLowerCase()}</span>;
}

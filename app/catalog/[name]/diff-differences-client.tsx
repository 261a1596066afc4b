"use client";

import { useQuery } from "@tanstack/react-query";
import { InlineMarkdown } from "@/app/components/markdown";
import { eventTypeDiffQueryOptions } from "@/lib/queries/event-types";

/** The schema differences between two versions, each judged compatible or not under the event type's mode. */
export function DiffDifferences({ name, from, to }: { name: string; from: number; to: number }) {
  const { data, error, isPending } = useQuery(eventTypeDiffQueryOptions(name, from, to));
  if (isPending) return <p className="muted diff-summary">Comparing v{from} and v{to}…</p>;
  if (error) return <p className="inline-error" role="alert">Could not compare v{from} and v{to}: {error.message}</p>;
  const breaking = data.differences.filter((difference) => !difference.compatible).length;
  return (
    <div className="diff-summary" aria-live="polite">
      <p>
        {data.differences.length === 0 ? (
          <>No schema differences between v{from} and v{to}.</>
        ) : (
          <>
            {data.differences.length} difference{data.differences.length === 1 ? "" : "s"} from v{from} to v{to} under{" "}
            <span className="mono">
              {data.mode} · {data.policy}
            </span>
            :{" "}
            {breaking === 0 ? (
              <span className="badge badge-ok">all compatible</span>
            ) : (
              <span className="badge badge-bad">
                {breaking} incompatible
              </span>
            )}
          </>
        )}
      </p>
      {data.differences.length > 0 ? (
        <ul className="differences" aria-label="Differences">
          {data.differences.map((difference, index) => (
            <li key={`${difference.kind}-${difference.path}-${index}`} className={difference.compatible ? "difference" : "difference difference-bad"}>
              <div className="difference-head">
                <span className={difference.compatible ? "badge badge-ok" : "badge badge-bad"}>{difference.compatible ? "compatible" : "incompatible"}</span>
                <code className="difference-path">{difference.path}</code>
                <span className="muted small mono">
                  {difference.kind}
                  {data.mode.startsWith("FULL") ? ` · ${difference.direction.toLowerCase()}` : ""}
                </span>
              </div>
              <p className="difference-message">
                <InlineMarkdown text={difference.message} />
              </p>
              {difference.fix ? (
                <p className="difference-fix">
                  Fix: <InlineMarkdown text={difference.fix} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

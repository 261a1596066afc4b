import Link from "next/link";
import { InlineMarkdown } from "@/app/components/markdown";
import type { CompatibilityAnswer } from "@/lib/queries/event-types";
import type { SchemaDifference } from "@/lib/registry/compatibility/types";

function versionsText(versions: number[]): string {
  return versions.map((version) => `v${version}`).join(", ");
}

/** The live compatibility verdict beside the editor. */
export function CompatibilityPanel({
  mode,
  policy,
  answer,
  checking,
  error,
  empty,
  name,
}: {
  mode: string;
  policy: string;
  answer: CompatibilityAnswer | undefined;
  checking: boolean;
  error: Error | null;
  empty: boolean;
  name: string;
}) {
  return (
    <div className="check-panel" aria-live="polite" aria-busy={checking} data-testid="compatibility-check">
      <div className="check-head">
        <h2>Compatibility</h2>
        <span className="muted small">
          {checking ? "checking…" : "checked"} · <span className="mono">{mode}</span> · <span className="mono">{policy}</span>
        </span>
      </div>
      <CheckBody answer={answer} error={error} empty={empty} mode={mode} name={name} />
    </div>
  );
}

function CheckBody({ answer, error, empty, mode, name }: { answer: CompatibilityAnswer | undefined; error: Error | null; empty: boolean; mode: string; name: string }) {
  if (empty) return <p className="muted">Write a schema to check it.</p>;
  if (error) return <p className="inline-error">The check failed: {error.message}</p>;
  if (!answer) return <p className="muted">Checking…</p>;
  if (!answer.ok) {
    return (
      <p className="verdict verdict-bad">
        <strong>Not a valid schema yet.</strong> <span className="small">The reason is shown under the editor; the check runs again as you type.</span>
      </p>
    );
  }
  const { check } = answer;
  if (check.existingVersion !== null) {
    return (
      <p className="verdict">
        This schema is already{" "}
        <Link href={`/catalog/${encodeURIComponent(name)}?version=${check.existingVersion}`}>v{check.existingVersion}</Link>. Registering it again returns that version.
      </p>
    );
  }
  if (check.compatible) {
    return (
      <p className="verdict verdict-ok">
        <strong>Compatible</strong>{" "}
        {check.checkedVersions.length === 0 ? (
          <>— there is no earlier version to check against.</>
        ) : (
          <>
            with {versionsText(check.checkedVersions)} under <span className="mono">{check.mode}</span>.
          </>
        )}
      </p>
    );
  }
  return (
    <>
      <p className="verdict verdict-bad">
        <strong>Incompatible</strong> with {versionsText([...new Set(check.differences.map((difference) => difference.againstVersion).filter((version) => version !== undefined))]) || versionsText(check.checkedVersions)}{" "}
        under <span className="mono">{check.mode}</span>: {check.differences.length} breaking difference{check.differences.length === 1 ? "" : "s"}.
      </p>
      <DifferenceList differences={check.differences} />
      <p className="small">
        <strong>Consumers at risk:</strong> {check.consumersAtRisk.length === 0 ? <span className="muted">none declared</span> : check.consumersAtRisk.join(", ")}
      </p>
      {mode !== "NONE" ? (
        <p className="small muted">Registration is blocked while the mode is {mode}. Fix the differences, or change the mode on the event type if the break is intended.</p>
      ) : null}
    </>
  );
}

export function DifferenceList({ differences }: { differences: SchemaDifference[] }) {
  return (
    <ul className="differences" aria-label="Breaking differences">
      {differences.map((difference, index) => (
        <li key={`${difference.kind}-${difference.path}-${difference.againstVersion ?? ""}-${index}`} className="difference difference-bad">
          <div className="difference-head">
            <code className="difference-path">{difference.path}</code>
            {difference.againstVersion !== undefined ? <span className="muted small">against v{difference.againstVersion}</span> : null}
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
  );
}

import type { EventTypeDetail } from "@/lib/registry/get-event-type";
import { prettyJson } from "@/lib/registry/view/json-tokens";
import { foldUnchanged, sideBySideDiff } from "@/lib/registry/view/side-by-side-diff";
import type { VersionSelection } from "@/lib/registry/view/version-params";
import { DiffDifferences } from "./diff-differences-client";
import { DiffPicker } from "./diff-picker-client";

/** Two versions side by side (`?from=&to=`): a line diff of the pretty-printed schemas and the judged differences. */
export function DiffSection({ eventType, selection }: { eventType: EventTypeDetail; selection: VersionSelection }) {
  if (eventType.versions.length < 2 || selection.from === null || selection.to === null) return null;
  const from = eventType.versions.find((version) => version.version === selection.from);
  const to = eventType.versions.find((version) => version.version === selection.to);
  if (!from || !to) return null;
  const diff = sideBySideDiff(prettyJson(from.schema), prettyJson(to.schema));
  const rows = foldUnchanged(diff.rows, 4);
  return (
    <section id="diff" aria-labelledby="diff-heading">
      <div className="section-head">
        <h2 id="diff-heading">Compare versions</h2>
        <DiffPicker name={eventType.name} selection={selection} versions={eventType.versions.map((version) => version.version)} />
      </div>
      {from.version === to.version ? (
        <p className="muted">Pick two different versions to compare.</p>
      ) : (
        <>
          <DiffDifferences name={eventType.name} from={from.version} to={to.version} />
          <div className="table-wrap diff-wrap">
            <table className="diff-table" aria-label={`Schema lines of v${from.version} and v${to.version}, side by side`}>
              <colgroup>
                <col className="diff-num" />
                <col />
                <col className="diff-num" />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th colSpan={2} scope="colgroup">
                    v{from.version}
                    {from.label ? <span className="muted"> · {from.label}</span> : null} <span className="diff-count diff-count-removed">−{diff.removed}</span>
                  </th>
                  <th colSpan={2} scope="colgroup">
                    v{to.version}
                    {to.label ? <span className="muted"> · {to.label}</span> : null} <span className="diff-count diff-count-added">+{diff.added}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) =>
                  row.kind === "fold" ? (
                    <tr key={index} className="diff-fold">
                      <td colSpan={4}>
                        ⋯ {row.hidden} unchanged line{row.hidden === 1 ? "" : "s"}
                      </td>
                    </tr>
                  ) : (
                    <tr key={index} className={`diff-row diff-${row.kind}`}>
                      <td className="diff-num">{row.left?.number ?? ""}</td>
                      <td className={cellClass(row.kind, row.left !== null, "diff-old")}>{row.left?.text ?? ""}</td>
                      <td className="diff-num">{row.right?.number ?? ""}</td>
                      <td className={cellClass(row.kind, row.right !== null, "diff-new")}>{row.right?.text ?? ""}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function cellClass(kind: string, present: boolean, changed: string): string {
  if (!present) return "diff-code diff-empty";
  return kind === "same" ? "diff-code" : `diff-code ${changed}`;
}

import { formatCount } from "@/lib/format/units";
import type { EventFlowEdge } from "@/lib/traces/flow/build-event-flow";
import { formatMs, formatNanoInstant } from "@/app/traces/trace-format";
import { edgeSummary } from "./edge-details";

const kindLabel = { publish: "publish", deliver: "delivery", next: "next" } as const;

/** Every edge with its numbers; the keyboard's way to select an edge. */
export function EdgeTable({ edges, selectedId, onSelect }: { edges: EventFlowEdge[]; selectedId: string | null; onSelect: (edgeId: string) => void }) {
  return (
    <div className="table-wrap">
      <table className="edge-table" aria-labelledby="edges-heading">
        <thead>
          <tr>
            <th scope="col">Edge</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Messages
            </th>
            <th scope="col" className="num">
              Failed
            </th>
            <th scope="col" className="num">
              p50
            </th>
            <th scope="col" className="num">
              p95
            </th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((edge) => {
            const { from, to } = edgeSummary(edge);
            const selected = edge.id === selectedId;
            return (
              <tr key={edge.id} className={selected ? "is-selected" : undefined}>
                <td>
                  <button type="button" className="link-button mono" aria-pressed={selected} onClick={() => onSelect(edge.id)}>
                    {from} → {to}
                  </button>
                </td>
                <td>
                  {kindLabel[edge.kind]}
                  {edge.kind === "next" ? <span className="mono muted"> {edge.eventType ?? "uncatalogued"}</span> : null}
                </td>
                <td className="num">{formatCount(edge.messages)}</td>
                <td className="num">{edge.failed > 0 ? <span className="badge badge-bad">{formatCount(edge.failed)}</span> : 0}</td>
                <td className="num">{edge.p50Ms === null ? "–" : formatMs(edge.p50Ms)}</td>
                <td className="num">{edge.p95Ms === null ? "–" : formatMs(edge.p95Ms)}</td>
                <td className="nowrap small">{formatNanoInstant(edge.lastSeenAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

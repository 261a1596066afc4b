import Link from "next/link";
import { CodeView } from "@/app/components/code-view";
import type { EventTypeDetail } from "@/lib/registry/get-event-type";
import { prettyJson } from "@/lib/registry/view/json-tokens";
import { versionHref, type VersionSelection } from "@/lib/registry/view/version-params";

const formatNames = { JSON_SCHEMA: "JSON Schema", AVRO: "Avro" } as const;

/** The schema and example payload of the version chosen with `?version=`. */
export function SchemaSection({ eventType, selection }: { eventType: EventTypeDetail; selection: VersionSelection }) {
  const version = eventType.versions.find((candidate) => candidate.version === selection.selected);
  if (!version) return null;
  return (
    <section id="schema" aria-labelledby="schema-heading">
      <div className="section-head">
        <h2 id="schema-heading">
          Schema of v{version.version}
        </h2>
        {eventType.versions.length > 1 ? (
          <nav className="segmented" aria-label="Version shown">
            {[...eventType.versions].reverse().map((candidate) => (
              <Link
                key={candidate.version}
                href={versionHref(eventType.name, selection, { selected: candidate.version }, "schema")}
                aria-current={candidate.version === version.version ? "true" : undefined}
                scroll={false}
              >
                v{candidate.version}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      <div className="schema-grid">
        <div>
          <h3 className="panel-title">
            {formatNames[version.format]}
            {version.label ? ` · ${version.label}` : ""}
          </h3>
          <CodeView text={prettyJson(version.schema)} label={`Schema of ${eventType.name} v${version.version}`} maxHeight={520} />
        </div>
        <div>
          <h3 className="panel-title">Example payload</h3>
          {version.examplePayload ? (
            <CodeView text={prettyJson(version.examplePayload)} label={`Example payload of v${version.version}`} maxHeight={488} />
          ) : (
            <p className="muted">No example registered with this version.</p>
          )}
        </div>
      </div>
    </section>
  );
}

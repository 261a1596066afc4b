import Link from "next/link";
import type { SearchSuggestions } from "@/lib/traces/query/get-search-suggestions";
import type { TraceSearchParams } from "@/lib/traces/query/trace-search-params";

const relativeTimes = [
  ["now-15m", "15 minutes ago"],
  ["now-1h", "1 hour ago"],
  ["now-6h", "6 hours ago"],
  ["now-24h", "24 hours ago"],
  ["now-3d", "3 days ago"],
  ["now", "now"],
] as const;

/**
 * The search form: a plain GET form, so every filter lands in the URL (shareable, works without
 * JavaScript) and the browser's back button walks through earlier searches.
 */
export function TraceSearchForm({ params, suggestions }: { params: TraceSearchParams; suggestions: SearchSuggestions }) {
  const hasFilters = Object.keys(params).length > 0;
  const defaultKey = params.key ?? suggestions.keys[0] ?? "order.id";
  return (
    <form className="trace-search panel" role="search" action="/traces" aria-label="Search traces">
      <div className="trace-search-row">
        <label className="field trace-field-key">
          <span className="field-label">Business key</span>
          <input type="text" name="key" defaultValue={defaultKey} list="trace-key-options" autoComplete="off" spellCheck={false} />
        </label>
        <label className="field trace-field-value">
          <span className="field-label">
            Value <kbd className="hint" title="Press / to focus">/</kbd>
          </span>
          <input id="trace-search-value" type="search" name="value" defaultValue={params.value} placeholder="e.g. 1042" autoComplete="off" spellCheck={false} />
        </label>
        <label className="field">
          <span className="field-label">Service</span>
          <input type="text" name="service" defaultValue={params.service} list="trace-service-options" placeholder="any" autoComplete="off" spellCheck={false} />
        </label>
        <label className="field">
          <span className="field-label">Operation</span>
          <input type="text" name="name" defaultValue={params.name} placeholder="span name" autoComplete="off" spellCheck={false} />
        </label>
        <label className="field">
          <span className="field-label">Event type</span>
          <input type="text" name="eventType" defaultValue={params.eventType} list="trace-event-type-options" placeholder="any" autoComplete="off" spellCheck={false} />
        </label>
      </div>
      <div className="trace-search-row">
        <label className="field">
          <span className="field-label">Attribute</span>
          <input type="text" name="attr" defaultValue={params.attr} placeholder="key:value" autoComplete="off" spellCheck={false} />
        </label>
        <label className="field trace-field-short">
          <span className="field-label">Min ms</span>
          <input type="text" inputMode="decimal" name="minMs" defaultValue={params.minMs} placeholder="0" />
        </label>
        <label className="field trace-field-short">
          <span className="field-label">Max ms</span>
          <input type="text" inputMode="decimal" name="maxMs" defaultValue={params.maxMs} placeholder="∞" />
        </label>
        <label className="field">
          <span className="field-label">From</span>
          <input type="text" name="from" defaultValue={params.from} list="trace-time-options" placeholder="now-1h, ISO time or ms" autoComplete="off" spellCheck={false} />
        </label>
        <label className="field">
          <span className="field-label">To</span>
          <input type="text" name="to" defaultValue={params.to} list="trace-time-options" placeholder="now, ISO time or ms" autoComplete="off" spellCheck={false} />
        </label>
        <label className="trace-check">
          <input type="checkbox" name="error" value="true" defaultChecked={params.error === "true" || params.error === "1"} /> Errors only
        </label>
        {params.limit ? <input type="hidden" name="limit" value={params.limit} /> : null}
        <div className="trace-search-actions">
          <button type="submit" className="button-primary">
            Search
          </button>
          {hasFilters ? <Link href="/traces">Clear</Link> : null}
        </div>
      </div>
      <datalist id="trace-time-options">
        {relativeTimes.map(([value, label]) => (
          <option key={value} value={value} label={label} />
        ))}
      </datalist>
      <datalist id="trace-key-options">
        {suggestions.keys.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
      <datalist id="trace-service-options">
        {suggestions.services.map((service) => (
          <option key={service} value={service} />
        ))}
      </datalist>
      <datalist id="trace-event-type-options">
        {suggestions.eventTypes.map((eventType) => (
          <option key={eventType} value={eventType} />
        ))}
      </datalist>
    </form>
  );
}

import Link from "next/link";
import { ServiceLinks, teamHref } from "@/app/components/entity-links";
import type { EventTypeDetail } from "@/lib/registry/get-event-type";
import { CompatibilitySettings } from "./compatibility-settings-client";

/** Who owns the event type, how it evolves, where it travels, and who produces and consumes it. */
export function EventTypeFacts({ eventType }: { eventType: EventTypeDetail }) {
  const { owner, own, effective } = eventType;
  return (
    <section className="facts" aria-label="About this event type">
      <dl className="facts-list">
        <dt>Owner</dt>
        <dd>
          {owner ? (
            <>
              <Link href={teamHref(owner.slug)}>{owner.name}</Link>
              {owner.contactEmail ? (
                <>
                  {" · "}
                  <a href={`mailto:${owner.contactEmail}`}>{owner.contactEmail}</a>
                </>
              ) : null}
              {owner.slackChannel ? (
                <>
                  {" · "}
                  <a href={owner.slackChannel} rel="noopener noreferrer" target="_blank">
                    Slack
                  </a>
                </>
              ) : null}
            </>
          ) : (
            <span className="muted">no owner team</span>
          )}
        </dd>
        <dt>Compatibility</dt>
        <dd>
          <span className="mono">{effective.mode}</span> · <span className="mono">{effective.policy}</span>{" "}
          <span className="muted">
            ({own.mode || own.policy ? `own${own.mode && own.policy ? "" : own.mode ? " mode, registry default policy" : " policy, registry default mode"}` : "registry default"})
          </span>
          <CompatibilitySettings key={`${own.mode}:${own.policy}`} eventType={eventType} />
        </dd>
        <dt>Tags</dt>
        <dd>
          {eventType.tags.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            <span className="tags">
              {eventType.tags.map((tag) => (
                <Link key={tag} className="tag" href={`/catalog?q=${encodeURIComponent(tag)}`}>
                  {tag}
                </Link>
              ))}
            </span>
          )}
        </dd>
        <dt>Brokers</dt>
        <dd>
          {eventType.bindings.length === 0 ? (
            <span className="muted">no broker bindings</span>
          ) : (
            <ul className="plain-list">
              {eventType.bindings.map((binding) => (
                <li key={`${binding.broker}:${binding.destination}:${binding.routingKey}`}>
                  {binding.broker} → <code>{binding.destination}</code>
                  {binding.routingKey ? (
                    <>
                      {" "}
                      <span className="muted">routing key</span> <code>{binding.routingKey}</code>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <dl className="facts-list">
        <dt>Producers</dt>
        <dd>
          <ServiceLinks names={eventType.producers} />
        </dd>
        <dt>Consumers</dt>
        <dd>
          <ServiceLinks names={eventType.consumers} />
        </dd>
      </dl>
    </section>
  );
}

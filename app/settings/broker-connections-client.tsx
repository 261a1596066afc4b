"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { exampleUrls, externalBrokerKinds, parseWatchedConsumers, type BrokerConnectionInput, type ExternalBrokerKind } from "@/lib/brokers/connections/broker-connection";
import type { BrokerConnectionStatus } from "@/lib/brokers/connections/check-broker-connections";
import type { HealthResult } from "@/lib/brokers/types";
import { brokerConnectionsQueryOptions, brokerKeys, deleteBrokerConnection, saveBrokerConnection, testBrokerConnection } from "@/lib/queries/brokers";

const kindLabels: Record<BrokerConnectionStatus["kind"], string> = { embedded: "Embedded", rabbitmq: "RabbitMQ", nats: "NATS JetStream", "redis-streams": "Redis Streams" };

function HealthBadge({ health }: { health: HealthResult }) {
  return health.status === "up" ? (
    <span className="badge badge-ok">up{health.version ? ` · ${health.version}` : ""}</span>
  ) : (
    <span className="broker-down">
      <span className="badge badge-bad">{health.error.code}</span> {health.error.message}
    </span>
  );
}

/** Every broker Eventscope reads, with its health, and the form that adds one after testing it. */
export function BrokerConnections() {
  const { data: connections, error } = useQuery(brokerConnectionsQueryOptions());
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: deleteBrokerConnection,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: brokerKeys.all }),
  });

  return (
    <section aria-labelledby="brokers-heading">
      <h2 id="brokers-heading">Broker connections</h2>
      <p className="page-intro">Where lag readings and dead letters come from. Passwords are kept on the server and never shown.</p>
      {error ? (
        <p className="inline-error" role="alert">
          Could not list the connections: {error.message}
        </p>
      ) : null}
      <div className="table-wrap">
        <table aria-label="Broker connections">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Address</th>
              <th scope="col">From</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(connections ?? []).map((connection) => (
              <tr key={connection.name}>
                <td className="mono">{connection.name}</td>
                <td>{kindLabels[connection.kind]}</td>
                <td className="mono">
                  {connection.address}
                  {connection.watched.length > 0 ? <div className="muted small">watching {connection.watched.map((watched) => `${watched.destination}/${watched.consumer}`).join(", ")}</div> : null}
                </td>
                <td>{connection.source}</td>
                <td>
                  <HealthBadge health={connection.health} />
                </td>
                <td>
                  {connection.source === "settings" ? (
                    <button type="button" className="button-small button-danger-outline" disabled={remove.isPending} onClick={() => remove.mutate(connection.name)} aria-label={`Remove ${connection.name}`}>
                      Remove
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {remove.isError ? (
        <p className="inline-error" role="alert">
          {remove.error.message}
        </p>
      ) : null}
      <AddBrokerForm />
    </section>
  );
}

function AddBrokerForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<ExternalBrokerKind>("rabbitmq");
  const [url, setUrl] = useState("");
  const [watchedText, setWatchedText] = useState("");
  const watched = parseWatchedConsumers(kind === "rabbitmq" ? watchedText : "");
  const input = (): BrokerConnectionInput => ({ name: name.trim(), kind, url: url.trim(), watched: watched.ok ? watched.value : [] });

  const test = useMutation({ mutationFn: () => testBrokerConnection(input()) });
  const save = useMutation({
    mutationFn: () => saveBrokerConnection(input()),
    onSuccess: async () => {
      setName("");
      setUrl("");
      setWatchedText("");
      test.reset();
      await queryClient.invalidateQueries({ queryKey: brokerKeys.all });
    },
  });
  // Any change invalidates the last test's answer.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      test.reset();
      save.reset();
    };
  const ready = name.trim() !== "" && url.trim() !== "" && watched.ok;
  const busy = test.isPending || save.isPending;

  return (
    <form
      className="broker-form panel"
      aria-label="Add a broker"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        test.reset();
        save.mutate();
      }}
    >
      <h3>Add a broker</h3>
      <div className="trace-search-row">
        <label className="field">
          <span className="field-label">Name</span>
          <input type="text" value={name} onChange={(event) => edit(setName)(event.target.value)} placeholder="e.g. orders-rabbitmq" autoComplete="off" spellCheck={false} required />
        </label>
        <label className="field">
          <span className="field-label">Kind</span>
          <select value={kind} onChange={(event) => edit(setKind)(event.target.value as ExternalBrokerKind)}>
            {externalBrokerKinds.map((value) => (
              <option key={value} value={value}>
                {kindLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="field broker-url">
          <span className="field-label">URL</span>
          <input type="text" value={url} onChange={(event) => edit(setUrl)(event.target.value)} placeholder={exampleUrls[kind]} autoComplete="off" spellCheck={false} required />
        </label>
      </div>
      {kind === "rabbitmq" ? (
        <label className="field">
          <span className="field-label">Consumers to watch (exchange/consumer, one per line; AMQP cannot list queues)</span>
          <textarea rows={2} value={watchedText} onChange={(event) => edit(setWatchedText)(event.target.value)} placeholder="orders/billing" spellCheck={false} />
        </label>
      ) : null}
      {!watched.ok ? (
        <p className="inline-error" role="alert">
          {watched.message}
        </p>
      ) : null}
      <div className="toolbar">
        <button type="button" disabled={!ready || busy} onClick={() => {
            save.reset();
            test.mutate();
          }}>
          Test connection
        </button>
        <button type="submit" className="button-primary" disabled={!ready || busy}>
          Test and save
        </button>
        <span role="status" aria-live="polite">
          {test.isPending || save.isPending ? <span className="muted">connecting…</span> : null}
          {test.data ? <HealthBadge health={test.data.health} /> : null}
          {save.isSuccess ? <span className="badge badge-ok">saved</span> : null}
        </span>
      </div>
      {test.isError || save.isError ? (
        <p className="inline-error" role="alert">
          {(test.error ?? save.error)?.message}
        </p>
      ) : null}
    </form>
  );
}

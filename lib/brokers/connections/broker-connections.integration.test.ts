import { connect } from "amqplib";
import { afterAll, describe, expect, it } from "vitest";
import { GET as listBrokers, POST as addBroker } from "@/app/api/brokers/route";
import { DELETE as removeBroker, GET as getBroker } from "@/app/api/brokers/[name]/route";
import { GET as brokerDeadLetters } from "@/app/api/brokers/[name]/dead-letters/route";
import { GET as brokerLag } from "@/app/api/brokers/[name]/lag/route";
import { GET as allBrokerLag } from "@/app/api/lag/brokers/route";
import { GET as overview } from "@/app/api/overview/route";
import { startCuttableProxy } from "../../testing/cuttable-proxy";
import { rabbitmqUrl } from "../rabbitmq/rabbitmq-test-support";

const run = Date.now().toString(36);
const noParams = { params: Promise.resolve({}) };
const withName = (name: string) => ({ params: Promise.resolve({ name }) });

function post(body: unknown, query = ""): Promise<Response> {
  return addBroker(new Request(`http://localhost/api/brokers${query}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), noParams);
}

async function statuses(): Promise<{ name: string; address: string; source: string; health: { status: string; error?: { message: string } } }[]> {
  return (await (await listBrokers(new Request("http://localhost/api/brokers"), noParams)).json()) as never;
}

const exchange = `connections-${run}`;
const queue = `${exchange}.billing`;

afterAll(async () => {
  const connection = await connect(rabbitmqUrl);
  const channel = await connection.createChannel();
  await channel.deleteQueue(queue);
  await connection.close();
});

describe("broker connections through the API", () => {
  it("tests without saving on a dry run", async () => {
    const response = await post({ name: `dry-${run}`, kind: "redis-streams", url: "redis://127.0.0.1:6379" }, "?dryRun=true");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { health: { status: string } }).health.status).toBe("up");
    expect((await statuses()).map((status) => status.name)).not.toContain(`dry-${run}`);
  });

  it("saves a RabbitMQ connection after testing it, never shows its password, and reads the lag of a watched consumer", async () => {
    const name = `rabbit-${run}`;
    const response = await post({ name, kind: "rabbitmq", url: rabbitmqUrl, watched: [{ destination: exchange, consumer: "billing" }] });
    expect(response.status).toBe(201);
    const listed = (await statuses()).find((status) => status.name === name);
    expect(listed).toMatchObject({ address: "amqp://guest:****@127.0.0.1:5672", source: "settings", health: { status: "up" } });
    expect(JSON.stringify(await statuses())).not.toContain("guest:guest");

    const connection = await connect(rabbitmqUrl);
    const channel = await connection.createChannel();
    await channel.assertQueue(queue, { durable: false });
    for (const n of [1, 2, 3]) channel.sendToQueue(queue, Buffer.from(`order ${n}`));
    await channel.close();
    await connection.close();
    await expect.poll(async () => ((await (await brokerLag(new Request("http://localhost"), withName(name))).json()) as { waiting: number }[])[0]?.waiting).toBe(3);

    expect((await removeBroker(new Request("http://localhost", { method: "DELETE" }), withName(name))).status).toBe(204);
    expect((await getBroker(new Request("http://localhost"), withName(name))).status).toBe(404);
  });

  it("refuses a wrong password with 422 and the broker's reason, saving nothing", async () => {
    const response = await post({ name: `wrong-${run}`, kind: "rabbitmq", url: "amqp://guest:not-the-password@127.0.0.1:5672" });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.message).toBe("not saved: amqp://guest:****@127.0.0.1:5672 failed the connection test: RabbitMQ refused the credentials (ACCESS_REFUSED)");
    expect(error.message).not.toContain("not-the-password");
    expect((await statuses()).map((status) => status.name)).not.toContain(`wrong-${run}`);
  });

  it("reports a broker that stopped after it was saved, in the list and the API, while the rest keeps working", async () => {
    const proxy = await startCuttableProxy(5672);
    const name = `stopping-${run}`;
    expect((await post({ name, kind: "rabbitmq", url: `amqp://guest:guest@127.0.0.1:${proxy.port}` })).status).toBe(201);
    expect((await statuses()).find((status) => status.name === name)?.health.status).toBe("up");

    await proxy.cut();
    // Once the dropped connection is noticed, every answer names the cause.
    await expect.poll(async () => (await statuses()).find((status) => status.name === name)?.health).toEqual({
      status: "down",
      latencyMs: expect.any(Number) as number,
      error: { code: "unreachable", message: "RabbitMQ is unreachable (ECONNREFUSED)" },
    });

    const lag = await brokerLag(new Request("http://localhost"), withName(name));
    expect(lag.status).toBe(502);
    expect(((await lag.json()) as { error: { message: string } }).error.message).toBe(
      `broker '${name}' (amqp://guest:****@127.0.0.1:${proxy.port}): RabbitMQ is unreachable (ECONNREFUSED)`,
    );
    const deadLetters = await brokerDeadLetters(new Request("http://localhost"), withName(name));
    expect(deadLetters.status).toBe(502);

    const everyLag = (await (await allBrokerLag(new Request("http://localhost/api/lag/brokers"), noParams)).json()) as { broker: { name: string }; status: string }[];
    expect(everyLag.find((lag) => lag.broker.name === "embedded")?.status).toBe("ok");
    expect(everyLag.find((lag) => lag.broker.name === name)?.status).toBe("error");
    expect((await overview(new Request("http://localhost/api/overview"), noParams)).status).toBe(200);
    expect((await brokerDeadLetters(new Request("http://localhost"), withName("embedded"))).status).toBe(200);

    expect((await removeBroker(new Request("http://localhost", { method: "DELETE" }), withName(name))).status).toBe(204);
  });

  it("saves NATS and Redis connections, and refuses names already taken or built in", async () => {
    for (const [kind, url] of [
      ["nats", "nats://127.0.0.1:4222"],
      ["redis-streams", "redis://127.0.0.1:6379"],
    ] as const) {
      const name = `${kind}-${run}`;
      expect((await post({ name, kind, url })).status).toBe(201);
      expect((await post({ name, kind, url })).status).toBe(409);
      expect((await statuses()).find((status) => status.name === name)?.health.status).toBe("up");
      expect((await removeBroker(new Request("http://localhost", { method: "DELETE" }), withName(name))).status).toBe(204);
    }
    expect((await post({ name: "embedded", kind: "nats", url: "nats://127.0.0.1:4222" })).status).toBe(409);
    expect((await removeBroker(new Request("http://localhost", { method: "DELETE" }), withName("embedded"))).status).toBe(409);
  });

  it("rejects bad input with 400 naming the field", async () => {
    for (const body of [
      { name: "Bad Name", kind: "nats", url: "nats://127.0.0.1:4222" },
      { name: `kafka-${run}`, kind: "kafka", url: "kafka://127.0.0.1:9092" },
      { name: `scheme-${run}`, kind: "rabbitmq", url: "redis://127.0.0.1:6379" },
    ]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/name|kind|url/);
    }
  });
});

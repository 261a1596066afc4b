import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expectedDeliveries } from "./expected-flow";
import { consumerServices, topologyFor, type ConsumerService, type OrderService } from "./order-routing";
import { isChildMessage, type ServiceConfig, type SettledMessage, type StopMessage } from "./service-protocol";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const entry = path.join(here, "service-main.ts");

export type OrderSystemRun = Omit<ServiceConfig, "service">;

export interface OrderSystemResult {
  /** Every delivery a consumer acked or nacked, as the consumers reported it. */
  settled: SettledMessage[];
}

interface ServiceProcess {
  service: OrderService;
  child: ChildProcess;
  exited: Promise<number | null>;
  stderr: () => string;
}

function start(service: OrderService, run: OrderSystemRun): ServiceProcess {
  const config: ServiceConfig = { ...run, service, orderIds: service === "checkout" ? run.orderIds : [] };
  const child = fork(entry, [JSON.stringify(config)], {
    cwd: repoRoot,
    execArgv: ["--import", "tsx"],
    // A clean environment: nothing of the test's own OpenTelemetry settings leaks in, and the SDK
    // does not start OTLP metric and log exporters towards a default endpoint.
    env: { NODE_ENV: "test", OTEL_METRICS_EXPORTER: "none", OTEL_LOGS_EXPORTER: "none", NODE_NO_WARNINGS: "1" },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { service, child, exited, stderr: () => stderr };
}

/**
 * Runs the order system once: one process per service (each its own NodeSDK and service.name),
 * checkout places the orders, and once every consumer has settled the deliveries the routing
 * table predicts, the consumers are told to stop — they close their channels, shut their SDKs
 * down (flushing every span to the receiver) and exit.
 */
export async function runOrderSystem(run: OrderSystemRun, timeoutMs: number): Promise<OrderSystemResult> {
  const expected = expectedDeliveries(run.orderIds, topologyFor(run.prefix));
  const settled: SettledMessage[] = [];
  const counts = new Map<ConsumerService, number>();
  const processes = [...consumerServices, "checkout" as const].map((service) => start(service, run));
  const status = () =>
    processes.map(({ service, child, stderr }) => `${service} (pid ${child.pid}, exit ${child.exitCode}): ${counts.get(service as ConsumerService) ?? 0}/${expected.get(service as ConsumerService) ?? 0}${stderr() ? `\n${stderr()}` : ""}`).join("\n");

  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let placed = false;
      const complete = () => placed && consumerServices.every((service) => (counts.get(service) ?? 0) >= (expected.get(service) ?? 0));
      timer = setTimeout(() => reject(new Error(`the order system did not finish within ${timeoutMs} ms:\n${status()}`)), timeoutMs);
      for (const { service, child, exited } of processes) {
        child.on("message", (message) => {
          if (!isChildMessage(message)) return;
          if (message.type === "failed") reject(new Error(`${service} failed: ${message.message}`));
          if (message.type === "placed") placed = true;
          if (message.type === "settled") {
            settled.push(message);
            counts.set(message.service, (counts.get(message.service) ?? 0) + 1);
          }
          if (complete()) resolve();
        });
        void exited.then((code) => {
          if (service !== "checkout" || code !== 0) reject(new Error(`${service} exited early with ${code}:\n${status()}`));
        });
      }
    });
    const stop: StopMessage = { type: "stop" };
    for (const { service, child } of processes) if (service !== "checkout" && child.connected) child.send(stop);
    const codes = await Promise.race([
      Promise.all(processes.map(({ exited }) => exited)),
      new Promise<never>((_, reject) => {
        clearTimeout(timer);
        timer = setTimeout(() => reject(new Error(`the services did not exit within ${timeoutMs} ms:\n${status()}`)), timeoutMs);
      }),
    ]);
    if (codes.some((code) => code !== 0)) throw new Error(`a service exited with an error:\n${status()}`);
    return { settled };
  } finally {
    clearTimeout(timer);
    for (const { child } of processes) if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

import { isStopMessage, report, serviceConfigSchema } from "./service-protocol";
import { startServiceTelemetry } from "./service-telemetry";

// One order-system service in its own process: `node --import tsx service-main.ts '<config json>'`.
const config = serviceConfigSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
const sdk = startServiceTelemetry(config);
// Imported only now: the amqplib instrumentation has to be in place before amqplib is loaded.
const { runService } = await import("./order-service");

try {
  const running = await runService(config);
  const finish = async () => {
    await running.stop();
    await sdk.shutdown();
    process.disconnect?.();
  };
  if (config.service === "checkout") await finish();
  else
    process.on("message", (message) => {
      if (isStopMessage(message)) void finish();
    });
} catch (error) {
  report({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  await sdk.shutdown();
  process.exitCode = 1;
  process.disconnect?.();
}

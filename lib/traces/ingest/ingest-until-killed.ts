/**
 * Test fixture for ingest-kill.integration.test.ts, run as a child process: serves OTLP/HTTP on
 * a free port (printed on stdout once listening) into the store of DATABASE_URL, until the test
 * kills it with SIGKILL.
 */
import type { AddressInfo } from "node:net";
import { ingestService, startOtlpPortListener } from "./ingest-runtime";

const server = startOtlpPortListener(ingestService(), 0, "127.0.0.1");
server.once("listening", () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));

import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { appPort as port, otlpPort } from "./e2e/ports";

// A throwaway SQLite file per run: the e2e suite starts the app exactly as `npm start` does.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "eventscope-e2e-"));

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/output/results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [
    { name: "api", testDir: "e2e/api" },
    { name: "ui", testDir: "e2e/ui", use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: "npm start",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}`, EVENTSCOPE_DEMO: "off", EVENTSCOPE_OTLP_PORT: String(otlpPort) },
  },
});

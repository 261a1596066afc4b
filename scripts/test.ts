/**
 * `npm test`: every suite in order — lint, typecheck, schema check, unit, integration, e2e —
 * each printing its own output, then one closing line `N passed, M failed` over all of them.
 * A check without test cases (lint, typecheck, schema check) counts as one.
 * `tsx scripts/test.ts integration` runs only the named suites (CI's PostgreSQL pass).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reports = mkdtempSync(path.join(os.tmpdir(), "eventscope-test-"));

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(name: string, command: string, args: string[]): Tally {
  console.log(`\n━━ ${name}`);
  const ok = run(command, args);
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

function vitest(project: string): Tally {
  console.log(`\n━━ ${project} tests`);
  const report = path.join(reports, `${project}.json`);
  const ok = run("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const json = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  // A suite that fails to load has no failed test but a failed run: count the run.
  const failed = json.numFailedTests + (ok || json.numFailedTests > 0 ? 0 : 1);
  return { passed: json.numPassedTests, failed, skipped: json.numPendingTests + json.numTodoTests };
}

function playwright(): Tally {
  console.log("\n━━ end-to-end tests (Playwright, Chromium)");
  const report = path.join(reports, "e2e.json");
  const ok = run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const { stats } = JSON.parse(readFileSync(report, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  const failed = stats.unexpected + (ok || stats.unexpected > 0 ? 0 : 1);
  return { passed: stats.expected + stats.flaky, failed, skipped: stats.skipped };
}

const suites: Record<string, () => Tally> = {
  lint: () => check("lint", "npx", ["eslint", "--max-warnings=0", "."]),
  typecheck: () => check("typecheck", "npx", ["tsc", "--noEmit"]),
  schemas: () => check("prisma schemas", "npx", ["tsx", "scripts/prisma-schemas.ts", "check"]),
  unit: () => vitest("unit"),
  integration: () => vitest("integration"),
  e2e: playwright,
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown suite(s) ${unknown.join(", ")}; choose from ${Object.keys(suites).join(", ")}`);
  process.exit(2);
}
const tallies = (requested.length > 0 ? requested : Object.keys(suites)).map((name) => suites[name]!());

const total = tallies.reduce((sum, tally) => ({
  passed: sum.passed + tally.passed,
  failed: sum.failed + tally.failed,
  skipped: sum.skipped + tally.skipped,
}));
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed > 0 ? 1 : 0);

import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function start(env: Record<string, string>): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    // A clean environment, so that CI's own DATABASE_URL does not leak in.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe("npm start with bad configuration", () => {
  it.each([
    [{ PORT: "eighty" }, /^eventscope: Invalid configuration: PORT expected a whole number from 1 to 65535 \(got "eighty"\)$/],
    [{ PORT: "0" }, /^eventscope: Invalid configuration: PORT /],
    [{ DATABASE_URL: "mysql://root@localhost/test" }, /^eventscope: Invalid configuration: DATABASE_URL expected file:<path> \(SQLite\) or postgresql:/],
    [
      { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/eventscope", PORT: "3299" },
      /^eventscope: cannot prepare the PostgreSQL 127\.0\.0\.1:1\/eventscope \(DATABASE_URL\): .*ECONNREFUSED/,
    ],
  ])("%j stops with one clear line and exit code 1", (env, message) => {
    const result = start(env);
    expect(result.status).toBe(1);
    const lines = result.stderr.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("npm warn"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createPostgresPool } from "./postgres-pool";

// The machine's PostgreSQL, whichever database the rest of the suite runs on.
const url = "postgresql://postgres@127.0.0.1:5432/postgres";
const pool = createPostgresPool({ connectionString: url, max: 1 }, "pool test");
afterAll(() => pool.end());

const backendPid = async () => (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;

it("keeps its connection open while idle for longer than pg's default 10 s", async () => {
  const before = await backendPid();
  await new Promise((resolve) => setTimeout(resolve, 10_500));
  expect(await backendPid()).toBe(before);
}, 20_000);

it("survives PostgreSQL ending an idle connection, and connects again when next needed", async () => {
  const ended = await backendPid();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query("SELECT pg_terminate_backend($1)", [ended]);
  } finally {
    await admin.end();
  }
  // The idle connection's error arrives on its own; unheard, it would end this process.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const next = await backendPid();
  expect(next).not.toBe(ended);
});

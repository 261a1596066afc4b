import pg from "pg";

/**
 * A pool of PostgreSQL connections that stay open while idle: opening a trace after a pause of
 * more than pg's default 10 s took 25–35 ms instead of 2 (a new connection, whose first statements
 * are planned with cold caches). A connection that breaks while idle (PostgreSQL restarted, or an
 * administrator ended it) is dropped and replaced when next needed; its error, unheard, would end
 * the process.
 */
export function createPostgresPool(config: pg.PoolConfig, purpose: string): pg.Pool {
  const pool = new pg.Pool({ ...config, idleTimeoutMillis: 0 });
  pool.on("error", (error) => console.warn(`[eventscope] ${purpose}: an idle PostgreSQL connection closed: ${error.message}`));
  return pool;
}

import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { failed, ok, type BrokerProblem, type BrokerResult } from "../broker-result";
import { classifyRedisError } from "./redis-errors";

export interface RedisConnectionOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…`. */
  url: string;
  connectTimeoutMs: number;
  /** Undefined for connections that block (XREADGROUP BLOCK) longer than any fixed timeout. */
  commandTimeoutMs?: number;
}

/** One ioredis client that connects when first needed and again after it was dropped. */
export interface RedisConnection {
  /** The connected client, or why there is none; never throws. */
  ready(): Promise<BrokerResult<Redis>>;
  close(): Promise<void>;
}

/**
 * ioredis retries forever and queues commands while offline by default, so a stopped server
 * would hang every call. Here nothing is queued or retried: a call made while disconnected
 * fails at once with the reason of the last connection attempt, and the next call tries again.
 */
export function createRedisConnection(options: RedisConnectionOptions): RedisConnection {
  let lastError: unknown;
  let connecting: Promise<BrokerResult<Redis>> | undefined;
  let closed = false;
  const client = new Redis(options.url, {
    lazyConnect: true,
    // RESP3 turns XREADGROUP's reply into a flattened map; RESP2 shapes are the ones parsed here.
    protocol: 2,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: options.connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs,
  });
  // Without a listener ioredis prints every connection error; the reason is reported through results instead.
  client.on("error", (error: unknown) => {
    lastError = error;
  });

  async function connect(): Promise<BrokerResult<Redis>> {
    lastError = undefined;
    try {
      await client.connect();
      return ok(client);
    } catch (error) {
      // connect() rejects with a generic "Connection is closed"; the error event said why.
      return classifyRedisError(lastError) ?? classifyRedisError(error) ?? failed("unreachable", "Redis is unreachable");
    } finally {
      connecting = undefined;
    }
  }

  return {
    ready() {
      if (closed) return Promise.resolve(failed("unreachable", "the Redis connection was closed"));
      if (client.status === "ready") return Promise.resolve(ok(client));
      connecting ??= connect();
      return connecting;
    },
    async close() {
      closed = true;
      if (client.status === "ready") {
        try {
          await client.quit();
          return;
        } catch {
          // Already going away: disconnecting below is all that is left to do.
        }
      }
      client.disconnect();
    },
  };
}

/**
 * Runs `operation` on a connected client, turning expected Redis failures into outcomes;
 * anything else (a bug) is rethrown.
 */
export async function withRedis<T>(connection: RedisConnection, operation: (client: Redis) => Promise<T>): Promise<BrokerResult<T>> {
  const client = await connection.ready();
  if (client.status !== "ok") return client;
  try {
    return ok(await operation(client.value));
  } catch (error) {
    const problem = classifyRedisError(error);
    if (problem === undefined) throw error;
    return problem;
  }
}

/** As {@link withRedis}, for operations whose own result is already an outcome union. */
export async function withRedisOutcome<R extends { status: string }>(connection: RedisConnection, operation: (client: Redis) => Promise<R>): Promise<R | BrokerProblem> {
  const result = await withRedis(connection, operation);
  return result.status === "ok" ? result.value : result;
}

/** A Lua script, sent by digest and loaded on first use (or after SCRIPT FLUSH / a restart). */
export interface LuaScript {
  source: string;
  sha: string;
}

export function luaScript(source: string): LuaScript {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

type Argument = string | Buffer | number;

/** EVALSHA, falling back to EVAL when the server does not know the script yet. */
export async function runScript(client: Redis, script: LuaScript, keys: string[], args: Argument[], mode: "text" | "binary" = "text"): Promise<unknown> {
  const send = (command: string, head: string) =>
    mode === "binary" ? client.callBuffer(command, head, keys.length, ...keys, ...args) : client.call(command, head, keys.length, ...keys, ...args);
  try {
    return await send("EVALSHA", script.sha);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return send("EVAL", script.source);
  }
}

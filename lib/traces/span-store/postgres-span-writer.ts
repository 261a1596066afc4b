import type pg from "pg";
import { createPostgresPool } from "../../database/postgres-pool";
import { keyColumns, linkColumns, spanColumns, spanRows, usageColumns, type SpanWriter, type Value } from "./span-record";

const bigintColumns = new Set<string>(["traceKey", "spanKey", "linkedTraceKey", "linkedSpanKey", "startTimeUnixNano", "endTimeUnixNano", "durationNano"]);
const intColumns = new Set<string>(["kind", "statusCode"]);
type ElementType = "bigint" | "int" | "text";
const typed = (columns: readonly string[]) => columns.map((column): ElementType => (bigintColumns.has(column) ? "bigint" : intColumns.has(column) ? "int" : "text"));
const spanTypes = typed(spanColumns);
const linkTypes = typed(linkColumns);
const keyTypes = typed(keyColumns);

const quoted = (columns: readonly string[]) => columns.map((name) => `"${name}"`).join(", ");
const arrayParameters = (types: readonly ElementType[], first: number) => types.map((type, index) => `$${first + index}::${type}[]`).join(", ");

const usageKey = `"eventType", "serviceName", "messagingRole", COALESCE("destination", ''), ("startTimeUnixNano" / 3600000000000) * 3600000`;
const usageTypes: ElementType[] = ["text", "text", "text", "text", "bigint", "bigint", "bigint"];

/** The stored spans' messages, counted per MessagingUsage key (see spanRows): the rows a batch statement returns. */
const storedUsage = `SELECT ${usageKey}, COUNT(*), MAX("startTimeUnixNano") FROM "spans"
  WHERE "eventType" IS NOT NULL AND "messagingRole" IS NOT NULL
  GROUP BY ${usageKey}`;

/** Adds counted messages to MessagingUsage, keys in one order, so that two statements never wait on each other crosswise. */
const addUsage = `INSERT INTO "MessagingUsage" (${quoted(usageColumns)}, "messages", "lastSeenNano")
  SELECT ${quoted(usageColumns)}, SUM("messages"), MAX("lastSeenNano")
  FROM unnest(${arrayParameters(usageTypes, 1)}) AS "counted"(${quoted(usageColumns)}, "messages", "lastSeenNano")
  GROUP BY ${quoted(usageColumns)} ORDER BY ${quoted(usageColumns)}
  ON CONFLICT (${quoted(usageColumns)}) DO UPDATE SET "messages" = "MessagingUsage"."messages" + EXCLUDED."messages", "lastSeenNano" = GREATEST("MessagingUsage"."lastSeenNano", EXCLUDED."lastSeenNano")`;

/**
 * A batch is one statement: its own transaction, in one round trip (a transaction of three
 * inserts took five round trips, and wrote 40% fewer spans a second), prepared once a connection
 * (parsing and planning it and the usage statement anew for each batch took 4% of its time). The
 * inserts are data-modifying WITH queries, which PostgreSQL runs to completion whatever the outer
 * query reads; it returns the stored spans' usage counts, for {@link createUsageCounter}.
 *
 * A batch of new spans, links and keys goes in without ON CONFLICT: speculative insertion cost
 * PostgreSQL a fifth of its time on links and keys, and 5% more on spans. Only a batch that
 * repeats a stored span (an exporter's retry) or a link, or meets rows left behind by hand, fails
 * with a unique violation; it is written again ignoring conflicts, adding the links and keys of
 * the spans that statement stored only.
 */
function insertBatch(ignoringConflicts: boolean): string {
  const onConflict = ignoringConflicts ? " ON CONFLICT DO NOTHING" : "";
  const insertRows = (table: string, columns: readonly string[], types: readonly ElementType[], first: number) =>
    `INSERT INTO "${table}" (${quoted(columns)}) SELECT "row".* FROM unnest(${arrayParameters(types, first)}) AS "row"(${quoted(columns)})${ignoringConflicts ? ` JOIN "spans" USING ("traceKey", "spanKey")` : ""}${onConflict}`;
  const linksFrom = 1 + spanColumns.length;
  const keysFrom = linksFrom + linkColumns.length;
  return `WITH "spans" AS (
    INSERT INTO "Span" (${quoted(spanColumns)}) SELECT * FROM unnest(${arrayParameters(spanTypes, 1)})${onConflict}
    RETURNING "traceKey", "spanKey", "eventType", "serviceName", "messagingRole", "destination", "startTimeUnixNano"),
  "links" AS (${insertRows("SpanLink", linkColumns, linkTypes, linksFrom)}),
  "keys" AS (${insertRows("SpanKey", keyColumns, keyTypes, keysFrom)})
${storedUsage}`;
}

const insertNewBatch = insertBatch(false);
const insertBatchIgnoringConflicts = insertBatch(true);
const uniqueViolation = "23505";

const elementTypeOid: Record<ElementType, number> = { bigint: 20, int: 23, text: 25 };

/**
 * A column's values in PostgreSQL's binary array format (what array_recv reads), sent as a binary
 * parameter: the server copies the elements instead of parsing and unescaping text, and building
 * it takes a third of the time of a text literal.
 */
function binaryArray(type: ElementType, values: readonly Value[]): Buffer {
  const count = values.length;
  // Header: dimensions, has-nulls flag, element type; then each dimension's length and lower bound.
  const header = count === 0 ? 12 : 20;
  let size = header + 4 * count;
  let hasNulls = 0;
  const textLengths: number[] = [];
  for (let index = 0; index < count; index++) {
    const value = values[index]!;
    if (value === null) hasNulls = 1;
    else if (type === "text") size += textLengths[index] = Buffer.byteLength(value as string);
    else size += type === "bigint" ? 8 : 4;
  }
  const buffer = Buffer.allocUnsafe(size);
  buffer.writeInt32BE(count === 0 ? 0 : 1, 0);
  buffer.writeInt32BE(hasNulls, 4);
  buffer.writeInt32BE(elementTypeOid[type], 8);
  if (count === 0) return buffer;
  buffer.writeInt32BE(count, 12);
  buffer.writeInt32BE(1, 16);
  let offset = header;
  for (let index = 0; index < count; index++) {
    const value = values[index]!;
    if (value === null) offset = buffer.writeInt32BE(-1, offset);
    else if (type === "text") {
      offset = buffer.writeInt32BE(textLengths[index]!, offset);
      offset += buffer.write(value as string, offset, "utf8");
    } else if (type === "bigint") {
      offset = buffer.writeInt32BE(8, offset);
      offset = buffer.writeBigInt64BE(BigInt(value), offset);
    } else {
      offset = buffer.writeInt32BE(4, offset);
      offset = buffer.writeInt32BE(Number(value), offset);
    }
  }
  return buffer;
}

function appendRow(columns: Value[][], row: Value[]): void {
  row.forEach((value, index) => columns[index]!.push(value));
}

/** The PostgreSQL write path: a pool of its own, one array-parameter statement per batch, then its usage counts. */
export function createPostgresSpanWriter(url: string): SpanWriter {
  const pool = createPostgresPool({ connectionString: url, max: 4 }, "span writer");
  const usage = createUsageCounter(pool);
  return {
    async write(records) {
      const spans: Value[][] = spanColumns.map(() => []);
      const links: Value[][] = linkColumns.map(() => []);
      const keys: Value[][] = keyColumns.map(() => []);
      for (const span of records) {
        const rows = spanRows(span);
        appendRow(spans, rows.span);
        for (const row of rows.links) appendRow(links, row);
        for (const row of rows.keys) appendRow(keys, row);
      }
      const columns = [spans.map((values, index) => binaryArray(spanTypes[index]!, values)), links.map((values, index) => binaryArray(linkTypes[index]!, values)), keys.map((values, index) => binaryArray(keyTypes[index]!, values))];
      const parameters = columns.flat();
      let stored: pg.QueryArrayResult<Value[]>;
      try {
        stored = await pool.query({ name: "insert-new-batch", text: insertNewBatch, values: parameters, rowMode: "array" });
      } catch (error) {
        if ((error as { code?: string }).code !== uniqueViolation) throw error;
        stored = await pool.query({ name: "insert-batch-ignoring-conflicts", text: insertBatchIgnoringConflicts, values: parameters, rowMode: "array" });
      }
      await usage.add(stored.rows);
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Adds the usage counts of committed batches to MessagingUsage, one statement at a time, each for
 * every batch that finished meanwhile. Counting inside each batch's statement made concurrent
 * batches wait for each other's locks on the same few rows until they committed, and cost
 * PostgreSQL a quarter of its throughput. A batch's write resolves once its counts are added; a
 * process killed in between keeps the batch's spans but not their counts.
 */
function createUsageCounter(pool: pg.Pool) {
  let pending: Value[][] = [];
  let waiting: Pending[] = [];
  let adding = false;

  async function addPending(): Promise<void> {
    adding = true;
    while (pending.length > 0) {
      const [rows, waiters] = [pending, waiting];
      [pending, waiting] = [[], []];
      const columns: Value[][] = usageTypes.map(() => []);
      for (const row of rows) appendRow(columns, row);
      try {
        await pool.query({ name: "add-usage", text: addUsage, values: columns.map((values, index) => binaryArray(usageTypes[index]!, values)) });
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error as Error);
      }
    }
    adding = false;
  }

  return {
    add(rows: Value[][]): Promise<void> {
      if (rows.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        pending.push(...rows);
        waiting.push({ resolve, reject });
        if (!adding) void addPending();
      });
    },
  };
}

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

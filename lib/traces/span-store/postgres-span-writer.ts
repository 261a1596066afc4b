import pg from "pg";
import { keyColumns, linkColumns, spanColumns, spanRows, type SpanWriter, type Value } from "./span-record";

const bigintColumns = new Set<string>(["traceKey", "spanKey", "linkedTraceKey", "linkedSpanKey", "startTimeUnixNano", "endTimeUnixNano", "durationNano"]);
const intColumns = new Set<string>(["kind", "statusCode"]);
type ElementType = "bigint" | "int" | "text";
const typed = (columns: readonly string[]) => columns.map((column): ElementType => (bigintColumns.has(column) ? "bigint" : intColumns.has(column) ? "int" : "text"));
const spanTypes = typed(spanColumns);
const linkTypes = typed(linkColumns);
const keyTypes = typed(keyColumns);

const quoted = (columns: readonly string[]) => columns.map((name) => `"${name}"`).join(", ");
const arrayParameters = (types: readonly ElementType[], first: number) => types.map((type, index) => `$${first + index}::${type}[]`).join(", ");

/**
 * The rows of a span's links or keys, inserted only for the spans this statement stored: a span
 * already there (an exporter's retry) brings no new ones.
 */
function insertForStoredSpans(table: string, columns: readonly string[], types: readonly ElementType[], first: number, onConflict: string): string {
  return `INSERT INTO "${table}" (${quoted(columns)})
    SELECT "row".* FROM unnest(${arrayParameters(types, first)}) AS "row"(${quoted(columns)})
    JOIN "spans" USING ("traceKey", "spanKey") ${onConflict}`;
}

/**
 * A batch is one statement: its own transaction, in one round trip, parsed and planned once (a
 * transaction of three inserts took five round trips, and wrote 40% fewer spans a second). The
 * inserts are data-modifying WITH queries, which PostgreSQL runs to completion whatever the outer
 * query reads.
 *
 * Links and keys of a new span are new too, so they are inserted without ON CONFLICT: its
 * speculative insertion cost PostgreSQL a fifth of its time. Only a batch that repeats a span or
 * a link, or meets rows left behind by hand, fails with a unique violation; it is written again
 * by the statement that ignores conflicts everywhere.
 */
function insertBatch(onConflict: "" | "ON CONFLICT DO NOTHING"): string {
  const linksFrom = 1 + spanColumns.length;
  const keysFrom = linksFrom + linkColumns.length;
  return `WITH "spans" AS (
    INSERT INTO "Span" (${quoted(spanColumns)}) SELECT * FROM unnest(${arrayParameters(spanTypes, 1)})
    ON CONFLICT DO NOTHING RETURNING "traceKey", "spanKey"),
  "links" AS (${insertForStoredSpans("SpanLink", linkColumns, linkTypes, linksFrom, onConflict)}),
  "keys" AS (${insertForStoredSpans("SpanKey", keyColumns, keyTypes, keysFrom, onConflict)})
SELECT 1`;
}

const insertNewBatch = insertBatch("");
const insertBatchIgnoringConflicts = insertBatch("ON CONFLICT DO NOTHING");
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

/** The PostgreSQL write path: a pool of its own, and one array-parameter statement per batch. */
export function createPostgresSpanWriter(url: string): SpanWriter {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
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
      try {
        await pool.query(insertNewBatch, parameters);
      } catch (error) {
        if ((error as { code?: string }).code !== uniqueViolation) throw error;
        await pool.query(insertBatchIgnoringConflicts, parameters);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

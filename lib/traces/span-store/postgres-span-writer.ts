import pg from "pg";
import { keyColumns, linkColumns, spanColumns, spanRows, type SpanWriter, type Value } from "./span-record";

const bigintColumns = new Set<string>(["traceKey", "spanKey", "linkedTraceKey", "linkedSpanKey", "startTimeUnixNano", "endTimeUnixNano", "durationNano"]);
const intColumns = new Set<string>(["kind", "statusCode"]);
const typed = (columns: readonly string[]) => columns.map((column) => [column, bigintColumns.has(column) ? "bigint" : intColumns.has(column) ? "int" : "text"] as const);

/** INSERT … SELECT FROM unnest(arrays): one statement per table and batch, whatever its size. */
function unnestInsert(table: string, columns: readonly (readonly [string, string])[]): string {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  return `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays}) ON CONFLICT DO NOTHING`;
}

const insertSpans = unnestInsert("Span", typed(spanColumns));
const insertLinks = unnestInsert("SpanLink", typed(linkColumns));
const insertKeys = unnestInsert("SpanKey", typed(keyColumns));

/**
 * A column's values as one PostgreSQL array literal, which the ::type[] casts read back exactly
 * (64-bit integers included). pg's own conversion of JS arrays escaped every text in two passes
 * and took a seventh of the main thread at full load.
 */
function arrayLiteral(values: Value[]): string {
  let literal = "{";
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (index > 0) literal += ",";
    if (value === null) literal += "NULL";
    else if (typeof value === "string") literal += `"${value.replace(/[\\"]/g, "\\$&")}"`;
    else literal += String(value);
  }
  return `${literal}}`;
}

function appendRow(columns: Value[][], row: Value[]): void {
  row.forEach((value, index) => columns[index]!.push(value));
}

/** The PostgreSQL write path: a pool of its own and array-parameter inserts in one transaction. */
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
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(insertSpans, spans.map(arrayLiteral));
        if (links[0]!.length > 0) await client.query(insertLinks, links.map(arrayLiteral));
        if (keys[0]!.length > 0) await client.query(insertKeys, keys.map(arrayLiteral));
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

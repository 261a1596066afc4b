import pg from "pg";
import { spanColumns, spanRow, type SpanWriter } from "./span-record";

const bigintColumns = new Set<string>(["startTimeUnixNano", "endTimeUnixNano", "durationNano"]);
const spanColumnTypes = spanColumns.map((column) => [column, bigintColumns.has(column) ? "bigint" : column === "kind" || column === "statusCode" ? "int" : "text"] as const);

/** INSERT … SELECT FROM unnest(arrays): one statement per table and batch, whatever its size. */
function unnestInsert(table: string, columns: readonly (readonly [string, string])[]): string {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  return `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays}) ON CONFLICT DO NOTHING`;
}

const insertSpans = unnestInsert("Span", spanColumnTypes);
const insertLinks = unnestInsert("SpanLink", [["traceId", "text"], ["spanId", "text"], ["linkedTraceId", "text"], ["linkedSpanId", "text"], ["attributes", "text"]]);
const insertKeys = unnestInsert("SpanKey", [["key", "text"], ["value", "text"], ["traceId", "text"], ["spanId", "text"], ["startTimeUnixNano", "bigint"]]);

/** The PostgreSQL write path: a pool of its own and array-parameter inserts in one transaction. */
export function createPostgresSpanWriter(url: string): SpanWriter {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    async write(records) {
      const spans: unknown[][] = spanColumns.map(() => []);
      const links: unknown[][] = [[], [], [], [], []];
      const keys: unknown[][] = [[], [], [], [], []];
      for (const span of records) {
        // pg sends bigint parameters as text; the ::bigint[] casts read them back exactly.
        const row = spanRow(span).map((value) => (typeof value === "bigint" ? value.toString() : value));
        row.forEach((value, index) => spans[index]!.push(value));
        for (const link of span.links) [span.traceId, span.spanId, link.traceId, link.spanId, link.attributes].forEach((value, index) => links[index]!.push(value));
        for (const key of span.keys) [key.key, key.value, span.traceId, span.spanId, span.startTimeUnixNano.toString()].forEach((value, index) => keys[index]!.push(value));
      }
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(insertSpans, spans);
        if (links[0]!.length > 0) await client.query(insertLinks, links);
        if (keys[0]!.length > 0) await client.query(insertKeys, keys);
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

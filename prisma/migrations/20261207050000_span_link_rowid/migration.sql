-- SpanLink becomes an ordinary (rowid) table: its rows are appended in arrival order, and only its
-- two narrow indexes take inserts at random places. WITHOUT ROWID, each link's whole row (about
-- 170 bytes) went to a random place in the table, whose pages outgrew the writer's page cache as
-- the store grew: 600k spans were written 20-30% slower (SQLite only; PostgreSQL tables are heaps).
CREATE TABLE "new_SpanLink" (
    "linkedTraceKey" BIGINT NOT NULL,
    "linkedSpanKey" BIGINT NOT NULL,
    "traceKey" BIGINT NOT NULL,
    "spanKey" BIGINT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "linkedTraceId" TEXT NOT NULL,
    "linkedSpanId" TEXT NOT NULL,
    "attributes" TEXT NOT NULL DEFAULT '{}',

    PRIMARY KEY ("linkedTraceKey", "linkedSpanKey", "traceKey", "spanKey")
);
INSERT INTO "new_SpanLink" ("linkedTraceKey", "linkedSpanKey", "traceKey", "spanKey", "traceId", "spanId", "linkedTraceId", "linkedSpanId", "attributes")
SELECT "linkedTraceKey", "linkedSpanKey", "traceKey", "spanKey", "traceId", "spanId", "linkedTraceId", "linkedSpanId", "attributes" FROM "SpanLink";
DROP TABLE "SpanLink";
ALTER TABLE "new_SpanLink" RENAME TO "SpanLink";
CREATE INDEX "SpanLink_traceKey_spanKey_idx" ON "SpanLink"("traceKey", "spanKey");

-- SpanLink's index by the linking span starts with that span's start time (copied onto the link),
-- so that it takes inserts in time order instead of at random places. The table becomes an
-- ordinary rowid table too (it was WITHOUT ROWID): each link's row is appended, and only the
-- primary key takes inserts at random places. Both cut the span writer's page writes; 600k spans
-- were written 20-30% faster for the rowid table alone.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SpanLink" (
    "linkedTraceKey" BIGINT NOT NULL,
    "linkedSpanKey" BIGINT NOT NULL,
    "traceKey" BIGINT NOT NULL,
    "spanKey" BIGINT NOT NULL,
    "startTimeUnixNano" BIGINT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "linkedTraceId" TEXT NOT NULL,
    "linkedSpanId" TEXT NOT NULL,
    "attributes" TEXT NOT NULL DEFAULT '{}',

    PRIMARY KEY ("linkedTraceKey", "linkedSpanKey", "traceKey", "spanKey")
);
INSERT INTO "new_SpanLink" ("attributes", "linkedSpanId", "linkedSpanKey", "linkedTraceId", "linkedTraceKey", "spanId", "spanKey", "traceId", "traceKey", "startTimeUnixNano")
SELECT l."attributes", l."linkedSpanId", l."linkedSpanKey", l."linkedTraceId", l."linkedTraceKey", l."spanId", l."spanKey", l."traceId", l."traceKey",
  COALESCE((SELECT s."startTimeUnixNano" FROM "Span" s WHERE s."traceKey" = l."traceKey" AND s."spanKey" = l."spanKey"), 0)
FROM "SpanLink" l;
DROP TABLE "SpanLink";
ALTER TABLE "new_SpanLink" RENAME TO "SpanLink";
CREATE INDEX "SpanLink_startTimeUnixNano_traceKey_spanKey_idx" ON "SpanLink"("startTimeUnixNano", "traceKey", "spanKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


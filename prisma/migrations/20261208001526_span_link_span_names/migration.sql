-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SpanLink" (
    "bucket" INTEGER NOT NULL DEFAULT 0,
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
    "serviceName" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("bucket", "linkedTraceKey", "linkedSpanKey", "traceKey", "spanKey")
);
-- Existing links take the service and name of the span they come from.
INSERT INTO "new_SpanLink" ("attributes", "bucket", "linkedSpanId", "linkedSpanKey", "linkedTraceId", "linkedTraceKey", "spanId", "spanKey", "startTimeUnixNano", "traceId", "traceKey", "serviceName", "name")
SELECT l."attributes", l."bucket", l."linkedSpanId", l."linkedSpanKey", l."linkedTraceId", l."linkedTraceKey", l."spanId", l."spanKey", l."startTimeUnixNano", l."traceId", l."traceKey", COALESCE(s."serviceName", ''), COALESCE(s."name", '')
FROM "SpanLink" l LEFT JOIN "Span" s ON s."bucket" = l."bucket" AND s."traceKey" = l."traceKey" AND s."spanKey" = l."spanKey" AND s."traceId" = l."traceId";
DROP TABLE "SpanLink";
ALTER TABLE "new_SpanLink" RENAME TO "SpanLink";
CREATE INDEX "SpanLink_startTimeUnixNano_traceKey_spanKey_idx" ON "SpanLink"("startTimeUnixNano", "traceKey", "spanKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


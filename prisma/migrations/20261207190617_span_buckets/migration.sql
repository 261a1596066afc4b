-- Random-key indexes lead with a bucket (see Span in prisma/schema.prisma). Spans stored so far
-- keep the default bucket 0, which stays open: it has no bloom filter, so reads always probe it.
-- CreateTable
CREATE TABLE "SpanBucket" (
    "bucket" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bloom" BLOB
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Span" (
    "bucket" INTEGER NOT NULL DEFAULT 0,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "traceKey" BIGINT NOT NULL,
    "spanKey" BIGINT NOT NULL,
    "parentSpanId" TEXT,
    "serviceName" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "startTimeUnixNano" BIGINT NOT NULL,
    "endTimeUnixNano" BIGINT NOT NULL,
    "durationNano" BIGINT NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "statusMessage" TEXT NOT NULL DEFAULT '',
    "attributes" TEXT NOT NULL DEFAULT '{}',
    "resource" TEXT NOT NULL DEFAULT '{}',
    "events" TEXT NOT NULL DEFAULT '[]',
    "messagingRole" TEXT,
    "messagingSystem" TEXT,
    "destination" TEXT,
    "eventType" TEXT,
    "messageId" TEXT,
    "consumerGroup" TEXT,
    "keys" TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO "new_Span" ("attributes", "consumerGroup", "destination", "durationNano", "endTimeUnixNano", "eventType", "events", "keys", "kind", "messageId", "messagingRole", "messagingSystem", "name", "parentSpanId", "resource", "serviceName", "spanId", "spanKey", "startTimeUnixNano", "statusCode", "statusMessage", "traceId", "traceKey") SELECT "attributes", "consumerGroup", "destination", "durationNano", "endTimeUnixNano", "eventType", "events", "keys", "kind", "messageId", "messagingRole", "messagingSystem", "name", "parentSpanId", "resource", "serviceName", "spanId", "spanKey", "startTimeUnixNano", "statusCode", "statusMessage", "traceId", "traceKey" FROM "Span";
DROP TABLE "Span";
ALTER TABLE "new_Span" RENAME TO "Span";
CREATE INDEX "Span_startTimeUnixNano_statusCode_idx" ON "Span"("startTimeUnixNano", "statusCode");
CREATE INDEX "Span_serviceName_startTimeUnixNano_idx" ON "Span"("serviceName", "startTimeUnixNano");
CREATE INDEX "Span_eventType_startTimeUnixNano_idx" ON "Span"("eventType", "startTimeUnixNano");
CREATE INDEX "Span_bucket_messageId_idx" ON "Span"("bucket", "messageId");
CREATE UNIQUE INDEX "Span_bucket_traceKey_spanKey_key" ON "Span"("bucket", "traceKey", "spanKey");
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

    PRIMARY KEY ("bucket", "linkedTraceKey", "linkedSpanKey", "traceKey", "spanKey")
);
INSERT INTO "new_SpanLink" ("attributes", "linkedSpanId", "linkedSpanKey", "linkedTraceId", "linkedTraceKey", "spanId", "spanKey", "startTimeUnixNano", "traceId", "traceKey") SELECT "attributes", "linkedSpanId", "linkedSpanKey", "linkedTraceId", "linkedTraceKey", "spanId", "spanKey", "startTimeUnixNano", "traceId", "traceKey" FROM "SpanLink";
DROP TABLE "SpanLink";
ALTER TABLE "new_SpanLink" RENAME TO "SpanLink";
CREATE INDEX "SpanLink_startTimeUnixNano_traceKey_spanKey_idx" ON "SpanLink"("startTimeUnixNano", "traceKey", "spanKey");
CREATE TABLE "new_SpanKey" (
    "bucket" INTEGER NOT NULL DEFAULT 0,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "traceKey" BIGINT NOT NULL,
    "spanKey" BIGINT NOT NULL,
    "traceId" TEXT NOT NULL,
    "startTimeUnixNano" BIGINT NOT NULL,

    PRIMARY KEY ("bucket", "key", "value", "traceKey", "spanKey")
) WITHOUT ROWID;
INSERT INTO "new_SpanKey" ("key", "spanKey", "startTimeUnixNano", "traceId", "traceKey", "value") SELECT "key", "spanKey", "startTimeUnixNano", "traceId", "traceKey", "value" FROM "SpanKey";
DROP TABLE "SpanKey";
ALTER TABLE "new_SpanKey" RENAME TO "SpanKey";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

INSERT INTO "SpanBucket" ("bucket") VALUES (0);

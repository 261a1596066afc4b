-- Spans, links and keys are found by 64-bit integer keys from now on (lib/traces/span-store/span-keys.ts).
-- Stored spans are telemetry kept for EVENTSCOPE_RETENTION_HOURS only, so they are dropped rather
-- than converted. SpanLink and SpanKey are WITHOUT ROWID: their primary key is the only copy of a row.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Span" (
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
DROP TABLE "Span";
ALTER TABLE "new_Span" RENAME TO "Span";
CREATE INDEX "Span_startTimeUnixNano_idx" ON "Span"("startTimeUnixNano");
CREATE INDEX "Span_serviceName_startTimeUnixNano_idx" ON "Span"("serviceName", "startTimeUnixNano");
CREATE INDEX "Span_eventType_startTimeUnixNano_idx" ON "Span"("eventType", "startTimeUnixNano");
CREATE INDEX "Span_messageId_idx" ON "Span"("messageId");
CREATE UNIQUE INDEX "Span_traceKey_spanKey_key" ON "Span"("traceKey", "spanKey");
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
) WITHOUT ROWID;
DROP TABLE "SpanLink";
ALTER TABLE "new_SpanLink" RENAME TO "SpanLink";
CREATE INDEX "SpanLink_traceKey_spanKey_idx" ON "SpanLink"("traceKey", "spanKey");
CREATE TABLE "new_SpanKey" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "traceKey" BIGINT NOT NULL,
    "spanKey" BIGINT NOT NULL,
    "traceId" TEXT NOT NULL,
    "startTimeUnixNano" BIGINT NOT NULL,

    PRIMARY KEY ("key", "value", "traceKey", "spanKey")
) WITHOUT ROWID;
DROP TABLE "SpanKey";
ALTER TABLE "new_SpanKey" RENAME TO "SpanKey";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


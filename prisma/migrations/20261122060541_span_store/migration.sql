-- CreateTable
CREATE TABLE "SpanLink" (
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "linkedTraceId" TEXT NOT NULL,
    "linkedSpanId" TEXT NOT NULL,
    "attributes" TEXT NOT NULL DEFAULT '{}',

    PRIMARY KEY ("traceId", "spanId", "linkedTraceId", "linkedSpanId")
);

-- CreateTable
CREATE TABLE "SpanKey" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "startTimeUnixNano" BIGINT NOT NULL,

    PRIMARY KEY ("key", "value", "traceId", "spanId")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Span" (
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
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

    PRIMARY KEY ("traceId", "spanId")
);
INSERT INTO "new_Span" ("attributes", "endTimeUnixNano", "kind", "name", "parentSpanId", "serviceName", "spanId", "startTimeUnixNano", "statusCode", "traceId", "durationNano") SELECT "attributes", "endTimeUnixNano", "kind", "name", "parentSpanId", "serviceName", "spanId", "startTimeUnixNano", "statusCode", "traceId", "endTimeUnixNano" - "startTimeUnixNano" FROM "Span";
DROP TABLE "Span";
ALTER TABLE "new_Span" RENAME TO "Span";
CREATE INDEX "Span_startTimeUnixNano_idx" ON "Span"("startTimeUnixNano");
CREATE INDEX "Span_serviceName_startTimeUnixNano_idx" ON "Span"("serviceName", "startTimeUnixNano");
CREATE INDEX "Span_eventType_startTimeUnixNano_idx" ON "Span"("eventType", "startTimeUnixNano");
CREATE INDEX "Span_messageId_idx" ON "Span"("messageId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SpanLink_linkedTraceId_linkedSpanId_idx" ON "SpanLink"("linkedTraceId", "linkedSpanId");

-- CreateIndex
CREATE INDEX "SpanKey_traceId_idx" ON "SpanKey"("traceId");


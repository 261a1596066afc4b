-- AlterTable
ALTER TABLE "Span" ADD COLUMN     "consumerGroup" TEXT,
ADD COLUMN     "destination" TEXT,
ADD COLUMN     "durationNano" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "eventType" TEXT,
ADD COLUMN     "events" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "messagingRole" TEXT,
ADD COLUMN     "messagingSystem" TEXT,
ADD COLUMN     "resource" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "statusMessage" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SpanLink" (
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "linkedTraceId" TEXT NOT NULL,
    "linkedSpanId" TEXT NOT NULL,
    "attributes" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "SpanLink_pkey" PRIMARY KEY ("traceId","spanId","linkedTraceId","linkedSpanId")
);

-- CreateTable
CREATE TABLE "SpanKey" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "startTimeUnixNano" BIGINT NOT NULL,

    CONSTRAINT "SpanKey_pkey" PRIMARY KEY ("key","value","traceId","spanId")
);

-- CreateIndex
CREATE INDEX "SpanLink_linkedTraceId_linkedSpanId_idx" ON "SpanLink"("linkedTraceId", "linkedSpanId");

-- CreateIndex
CREATE INDEX "SpanKey_traceId_idx" ON "SpanKey"("traceId");

-- CreateIndex
CREATE INDEX "Span_eventType_startTimeUnixNano_idx" ON "Span"("eventType", "startTimeUnixNano");

-- CreateIndex
CREATE INDEX "Span_messageId_idx" ON "Span"("messageId");


-- Spans stored before this migration get their real duration; new spans always carry one.
UPDATE "Span" SET "durationNano" = "endTimeUnixNano" - "startTimeUnixNano";
ALTER TABLE "Span" ALTER COLUMN "durationNano" DROP DEFAULT;

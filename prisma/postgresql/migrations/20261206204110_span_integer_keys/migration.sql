-- Spans, links and keys are found by 64-bit integer keys from now on (lib/traces/span-store/span-keys.ts).
-- Stored spans are telemetry kept for EVENTSCOPE_RETENTION_HOURS only, so they are dropped rather
-- than converted.
DELETE FROM "SpanKey";
DELETE FROM "SpanLink";
DELETE FROM "Span";

-- DropIndex
DROP INDEX "SpanLink_linkedTraceId_linkedSpanId_idx";

-- DropIndex
DROP INDEX "SpanKey_traceId_idx";

-- AlterTable
ALTER TABLE "Span" DROP CONSTRAINT "Span_pkey",
ADD COLUMN     "keys" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "spanKey" BIGINT NOT NULL,
ADD COLUMN     "traceKey" BIGINT NOT NULL;

-- AlterTable
ALTER TABLE "SpanLink" DROP CONSTRAINT "SpanLink_pkey",
ADD COLUMN     "linkedSpanKey" BIGINT NOT NULL,
ADD COLUMN     "linkedTraceKey" BIGINT NOT NULL,
ADD COLUMN     "spanKey" BIGINT NOT NULL,
ADD COLUMN     "traceKey" BIGINT NOT NULL,
ADD CONSTRAINT "SpanLink_pkey" PRIMARY KEY ("linkedTraceKey", "linkedSpanKey", "traceKey", "spanKey");

-- AlterTable
ALTER TABLE "SpanKey" DROP CONSTRAINT "SpanKey_pkey",
DROP COLUMN "spanId",
ADD COLUMN     "spanKey" BIGINT NOT NULL,
ADD COLUMN     "traceKey" BIGINT NOT NULL,
ADD CONSTRAINT "SpanKey_pkey" PRIMARY KEY ("key", "value", "traceKey", "spanKey");

-- CreateIndex
CREATE UNIQUE INDEX "Span_traceKey_spanKey_key" ON "Span"("traceKey", "spanKey");

-- CreateIndex
CREATE INDEX "SpanLink_traceKey_spanKey_idx" ON "SpanLink"("traceKey", "spanKey");


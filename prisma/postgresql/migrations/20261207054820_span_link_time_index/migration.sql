-- SpanLink's index by the linking span starts with that span's start time (copied onto the link),
-- so that it takes inserts in time order instead of at random places.

-- DropIndex
DROP INDEX "SpanLink_traceKey_spanKey_idx";

-- AlterTable
ALTER TABLE "SpanLink" ADD COLUMN "startTimeUnixNano" BIGINT;
UPDATE "SpanLink" l SET "startTimeUnixNano" = COALESCE((SELECT s."startTimeUnixNano" FROM "Span" s WHERE s."traceKey" = l."traceKey" AND s."spanKey" = l."spanKey"), 0);
ALTER TABLE "SpanLink" ALTER COLUMN "startTimeUnixNano" SET NOT NULL;

-- CreateIndex
CREATE INDEX "SpanLink_startTimeUnixNano_traceKey_spanKey_idx" ON "SpanLink"("startTimeUnixNano", "traceKey", "spanKey");

-- DropIndex
DROP INDEX "Span_startTimeUnixNano_idx";

-- CreateIndex
CREATE INDEX "Span_startTimeUnixNano_statusCode_idx" ON "Span"("startTimeUnixNano", "statusCode");


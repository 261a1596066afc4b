-- DropIndex
DROP INDEX "Span_startTimeUnixNano_statusCode_idx";

-- CreateIndex
CREATE INDEX "Span_startTimeUnixNano_traceKey_spanKey_statusCode_idx" ON "Span"("startTimeUnixNano", "traceKey", "spanKey", "statusCode");


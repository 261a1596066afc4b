-- Random-key indexes lead with a bucket (see Span in prisma/schema.prisma). Spans stored so far
-- keep the default bucket 0, which stays open: it has no bloom filter, so reads always probe it.
-- DropIndex
DROP INDEX "Span_messageId_idx";

-- DropIndex
DROP INDEX "Span_traceKey_spanKey_key";

-- AlterTable
ALTER TABLE "Span" ADD COLUMN     "bucket" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "SpanLink" DROP CONSTRAINT "SpanLink_pkey",
ADD COLUMN     "bucket" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "SpanLink_pkey" PRIMARY KEY ("bucket", "linkedTraceKey", "linkedSpanKey", "traceKey", "spanKey");

-- AlterTable
ALTER TABLE "SpanKey" DROP CONSTRAINT "SpanKey_pkey",
ADD COLUMN     "bucket" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "SpanKey_pkey" PRIMARY KEY ("bucket", "key", "value", "traceKey", "spanKey");

-- CreateTable
CREATE TABLE "SpanBucket" (
    "bucket" INTEGER NOT NULL,
    "bloom" BYTEA,

    CONSTRAINT "SpanBucket_pkey" PRIMARY KEY ("bucket")
);

-- CreateIndex
CREATE INDEX "Span_bucket_messageId_idx" ON "Span"("bucket", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "Span_bucket_traceKey_spanKey_key" ON "Span"("bucket", "traceKey", "spanKey");

INSERT INTO "SpanBucket" ("bucket") VALUES (0);

-- AlterTable
ALTER TABLE "SpanLink" ADD COLUMN     "name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "serviceName" TEXT NOT NULL DEFAULT '';


-- Existing links take the service and name of the span they come from.
UPDATE "SpanLink" l SET "serviceName" = s."serviceName", "name" = s."name"
FROM "Span" s WHERE s."bucket" = l."bucket" AND s."traceKey" = l."traceKey" AND s."spanKey" = l."spanKey" AND s."traceId" = l."traceId";

-- Bucket filters now all have one size (16 KiB) and hash trace ids as text: older filters are
-- dropped, and their buckets probed for every read until retention deletes them.
UPDATE "SpanBucket" SET "bloom" = NULL;

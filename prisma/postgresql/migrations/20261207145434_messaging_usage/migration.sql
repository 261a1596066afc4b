-- CreateTable
CREATE TABLE "MessagingUsage" (
    "eventType" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "hourStartMs" BIGINT NOT NULL,
    "messages" INTEGER NOT NULL,
    "lastSeenNano" BIGINT NOT NULL,

    CONSTRAINT "MessagingUsage_pkey" PRIMARY KEY ("eventType","serviceName","role","destination","hourStartMs")
);


-- Count the spans already stored.
INSERT INTO "MessagingUsage" ("eventType", "serviceName", "role", "destination", "hourStartMs", "messages", "lastSeenNano")
SELECT "eventType", "serviceName", "messagingRole", COALESCE("destination", ''), ("startTimeUnixNano" / 3600000000000) * 3600000, COUNT(*), MAX("startTimeUnixNano")
FROM "Span"
WHERE "eventType" IS NOT NULL AND "messagingRole" IS NOT NULL
GROUP BY "eventType", "serviceName", "messagingRole", COALESCE("destination", ''), ("startTimeUnixNano" / 3600000000000) * 3600000;

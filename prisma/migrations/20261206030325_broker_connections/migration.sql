-- CreateTable
CREATE TABLE "BrokerConnection" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "watched" TEXT NOT NULL DEFAULT '[]',
    "createdAtMs" BIGINT NOT NULL
);


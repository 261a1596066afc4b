-- CreateTable
CREATE TABLE "BrokerConnection" (
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "watched" TEXT NOT NULL DEFAULT '[]',
    "createdAtMs" BIGINT NOT NULL,

    CONSTRAINT "BrokerConnection_pkey" PRIMARY KEY ("name")
);


-- CreateTable
CREATE TABLE "BrokerTopic" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "createdAtMs" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "BrokerSubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "topicName" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "maxDeliveries" INTEGER NOT NULL,
    "ackTimeoutMs" INTEGER NOT NULL,
    "createdAtMs" BIGINT NOT NULL,
    CONSTRAINT "BrokerSubscription_topicName_fkey" FOREIGN KEY ("topicName") REFERENCES "BrokerTopic" ("name") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BrokerMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "topicName" TEXT NOT NULL,
    "key" TEXT,
    "payload" BLOB NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '{}',
    "publishedAtMs" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "BrokerDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subscriptionId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "deliveryCount" INTEGER NOT NULL DEFAULT 0,
    "visibleAtMs" BIGINT NOT NULL,
    "leaseToken" TEXT,
    "enqueuedAtMs" BIGINT NOT NULL,
    "lastError" TEXT,
    CONSTRAINT "BrokerDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "BrokerSubscription" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BrokerDelivery_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "BrokerMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BrokerDeadLetter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "topicName" TEXT NOT NULL,
    "subscriptionName" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "key" TEXT,
    "payload" BLOB NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '{}',
    "payloadSearch" TEXT NOT NULL DEFAULT '',
    "cause" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reasonSearch" TEXT NOT NULL,
    "deliveryCount" INTEGER NOT NULL,
    "firstDeathAtMs" BIGINT NOT NULL,
    "lastDeathAtMs" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "resolvedAtMs" BIGINT,
    "replayedMessageId" TEXT
);

-- CreateTable
CREATE TABLE "BrokerOperationKey" (
    "broker" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "deadLetterId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAtMs" BIGINT NOT NULL,

    PRIMARY KEY ("broker", "key")
);

-- CreateIndex
CREATE UNIQUE INDEX "BrokerSubscription_topicName_name_key" ON "BrokerSubscription"("topicName", "name");

-- CreateIndex
CREATE INDEX "BrokerMessage_topicName_idx" ON "BrokerMessage"("topicName");

-- CreateIndex
CREATE INDEX "BrokerDelivery_subscriptionId_visibleAtMs_idx" ON "BrokerDelivery"("subscriptionId", "visibleAtMs");

-- CreateIndex
CREATE INDEX "BrokerDelivery_messageId_idx" ON "BrokerDelivery"("messageId");

-- CreateIndex
CREATE INDEX "BrokerDeadLetter_status_lastDeathAtMs_idx" ON "BrokerDeadLetter"("status", "lastDeathAtMs");

-- CreateIndex
CREATE INDEX "BrokerDeadLetter_topicName_status_idx" ON "BrokerDeadLetter"("topicName", "status");


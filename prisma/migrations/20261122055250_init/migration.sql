-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT,
    "slackChannel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerTeamId" TEXT,
    CONSTRAINT "Service_ownerTeamId_fkey" FOREIGN KEY ("ownerTeamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegistryConfig" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "compatibilityMode" TEXT NOT NULL DEFAULT 'BACKWARD',
    "compatibilityPolicy" TEXT NOT NULL DEFAULT 'STRICT'
);

-- CreateTable
CREATE TABLE "EventType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "domainId" TEXT,
    "ownerTeamId" TEXT,
    "compatibilityMode" TEXT,
    "compatibilityPolicy" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "EventType_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "EventType_ownerTeamId_fkey" FOREIGN KEY ("ownerTeamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventTag" (
    "eventTypeId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("eventTypeId", "tag"),
    CONSTRAINT "EventTag_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BrokerBinding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventTypeId" TEXT NOT NULL,
    "broker" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "routingKey" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "BrokerBinding_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Schema" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "format" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EventVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventTypeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "label" TEXT,
    "schemaId" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'ACTIVE',
    "stateChangedBy" TEXT NOT NULL,
    "stateChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changelog" TEXT NOT NULL DEFAULT '',
    "examplePayload" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    CONSTRAINT "EventVersion_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventVersion_schemaId_fkey" FOREIGN KEY ("schemaId") REFERENCES "Schema" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventServiceRole" (
    "eventTypeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("eventTypeId", "serviceId", "role"),
    CONSTRAINT "EventServiceRole_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventServiceRole_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Span" (
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "parentSpanId" TEXT,
    "serviceName" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "startTimeUnixNano" BIGINT NOT NULL,
    "endTimeUnixNano" BIGINT NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "attributes" TEXT NOT NULL DEFAULT '{}',

    PRIMARY KEY ("traceId", "spanId")
);

-- CreateTable
CREATE TABLE "DeadLetter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "broker" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "eventType" TEXT,
    "payload" TEXT NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Team_slug_key" ON "Team"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_teamId_email_key" ON "TeamMember"("teamId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Domain_slug_key" ON "Domain"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Service_name_key" ON "Service"("name");

-- CreateIndex
CREATE UNIQUE INDEX "EventType_name_key" ON "EventType"("name");

-- CreateIndex
CREATE INDEX "EventType_domainId_idx" ON "EventType"("domainId");

-- CreateIndex
CREATE INDEX "EventType_ownerTeamId_idx" ON "EventType"("ownerTeamId");

-- CreateIndex
CREATE INDEX "EventTag_tag_idx" ON "EventTag"("tag");

-- CreateIndex
CREATE INDEX "BrokerBinding_broker_destination_idx" ON "BrokerBinding"("broker", "destination");

-- CreateIndex
CREATE UNIQUE INDEX "BrokerBinding_eventTypeId_broker_destination_routingKey_key" ON "BrokerBinding"("eventTypeId", "broker", "destination", "routingKey");

-- CreateIndex
CREATE UNIQUE INDEX "Schema_fingerprint_key" ON "Schema"("fingerprint");

-- CreateIndex
CREATE INDEX "EventVersion_schemaId_idx" ON "EventVersion"("schemaId");

-- CreateIndex
CREATE UNIQUE INDEX "EventVersion_eventTypeId_version_key" ON "EventVersion"("eventTypeId", "version");

-- CreateIndex
CREATE INDEX "EventServiceRole_serviceId_idx" ON "EventServiceRole"("serviceId");

-- CreateIndex
CREATE INDEX "Span_startTimeUnixNano_idx" ON "Span"("startTimeUnixNano");

-- CreateIndex
CREATE INDEX "Span_serviceName_startTimeUnixNano_idx" ON "Span"("serviceName", "startTimeUnixNano");

-- CreateIndex
CREATE INDEX "DeadLetter_status_receivedAt_idx" ON "DeadLetter"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeadLetter_broker_source_messageId_key" ON "DeadLetter"("broker", "source", "messageId");


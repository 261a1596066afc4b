-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CompatibilityMode" AS ENUM ('BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE');

-- CreateEnum
CREATE TYPE "CompatibilityPolicy" AS ENUM ('STRICT', 'LENIENT');

-- CreateEnum
CREATE TYPE "SchemaFormat" AS ENUM ('JSON_SCHEMA', 'AVRO');

-- CreateEnum
CREATE TYPE "LifecycleState" AS ENUM ('DRAFT', 'ACTIVE', 'DEPRECATED', 'RETIRED');

-- CreateEnum
CREATE TYPE "ServiceRole" AS ENUM ('PRODUCER', 'CONSUMER');

-- CreateEnum
CREATE TYPE "DeadLetterStatus" AS ENUM ('WAITING', 'REPLAYED', 'DISCARDED');

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT,
    "slackChannel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Domain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerTeamId" TEXT,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistryConfig" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "compatibilityMode" "CompatibilityMode" NOT NULL DEFAULT 'BACKWARD',
    "compatibilityPolicy" "CompatibilityPolicy" NOT NULL DEFAULT 'STRICT',

    CONSTRAINT "RegistryConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventType" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "domainId" TEXT,
    "ownerTeamId" TEXT,
    "compatibilityMode" "CompatibilityMode",
    "compatibilityPolicy" "CompatibilityPolicy",
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "EventType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventTag" (
    "eventTypeId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    CONSTRAINT "EventTag_pkey" PRIMARY KEY ("eventTypeId","tag")
);

-- CreateTable
CREATE TABLE "BrokerBinding" (
    "id" TEXT NOT NULL,
    "eventTypeId" TEXT NOT NULL,
    "broker" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "routingKey" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "BrokerBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Schema" (
    "id" SERIAL NOT NULL,
    "format" "SchemaFormat" NOT NULL,
    "text" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Schema_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventVersion" (
    "id" TEXT NOT NULL,
    "eventTypeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "label" TEXT,
    "schemaId" INTEGER NOT NULL,
    "state" "LifecycleState" NOT NULL DEFAULT 'ACTIVE',
    "stateChangedBy" TEXT NOT NULL,
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changelog" TEXT NOT NULL DEFAULT '',
    "examplePayload" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "EventVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventServiceRole" (
    "eventTypeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "role" "ServiceRole" NOT NULL,

    CONSTRAINT "EventServiceRole_pkey" PRIMARY KEY ("eventTypeId","serviceId","role")
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

    CONSTRAINT "Span_pkey" PRIMARY KEY ("traceId","spanId")
);

-- CreateTable
CREATE TABLE "DeadLetter" (
    "id" TEXT NOT NULL,
    "broker" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "eventType" TEXT,
    "payload" TEXT NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL DEFAULT '',
    "status" "DeadLetterStatus" NOT NULL DEFAULT 'WAITING',
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadLetter_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_ownerTeamId_fkey" FOREIGN KEY ("ownerTeamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_ownerTeamId_fkey" FOREIGN KEY ("ownerTeamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventTag" ADD CONSTRAINT "EventTag_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrokerBinding" ADD CONSTRAINT "BrokerBinding_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventVersion" ADD CONSTRAINT "EventVersion_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventVersion" ADD CONSTRAINT "EventVersion_schemaId_fkey" FOREIGN KEY ("schemaId") REFERENCES "Schema"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventServiceRole" ADD CONSTRAINT "EventServiceRole_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventServiceRole" ADD CONSTRAINT "EventServiceRole_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;


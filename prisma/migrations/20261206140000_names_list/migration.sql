-- CreateEnum
CREATE TYPE "PersonOutcome" AS ENUM ('JOINED', 'CUSTOMER', 'LOST');

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "handle" TEXT,
    "source" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT,
    "stageMetricId" TEXT,
    "outcome" "PersonOutcome",
    "nextFollowUp" DATE,
    "sharedWithUpline" BOOLEAN NOT NULL DEFAULT false,
    "joinedMembershipId" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonTouch" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "entryId" TEXT,
    "metricId" TEXT,
    "day" DATE NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonTouch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_joinedMembershipId_key" ON "Person"("joinedMembershipId");

-- CreateIndex
CREATE INDEX "Person_membershipId_stageMetricId_idx" ON "Person"("membershipId", "stageMetricId");

-- CreateIndex
CREATE INDEX "Person_membershipId_nextFollowUp_idx" ON "Person"("membershipId", "nextFollowUp");

-- CreateIndex
CREATE INDEX "Person_teamId_idx" ON "Person"("teamId");

-- CreateIndex
CREATE INDEX "Person_stageMetricId_idx" ON "Person"("stageMetricId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonTouch_entryId_key" ON "PersonTouch"("entryId");

-- CreateIndex
CREATE INDEX "PersonTouch_personId_day_idx" ON "PersonTouch"("personId", "day");

-- CreateIndex
CREATE INDEX "PersonTouch_membershipId_day_idx" ON "PersonTouch"("membershipId", "day");

-- CreateIndex
CREATE INDEX "PersonTouch_metricId_idx" ON "PersonTouch"("metricId");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_stageMetricId_fkey" FOREIGN KEY ("stageMetricId") REFERENCES "Metric"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_joinedMembershipId_fkey" FOREIGN KEY ("joinedMembershipId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonTouch" ADD CONSTRAINT "PersonTouch_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonTouch" ADD CONSTRAINT "PersonTouch_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonTouch" ADD CONSTRAINT "PersonTouch_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonTouch" ADD CONSTRAINT "PersonTouch_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- CreateEnum
CREATE TYPE "MetricKind" AS ENUM ('RESULT', 'ACTIVITY');

-- CreateEnum
CREATE TYPE "MetricUnit" AS ENUM ('COUNT', 'MONEY', 'MINUTES');

-- CreateEnum
CREATE TYPE "MetricDirection" AS ENUM ('INCREASE', 'DECREASE');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "GoalCurve" AS ENUM ('LINEAR', 'FRONT_LOADED', 'BACK_LOADED', 'CUSTOM');

-- CreateEnum
CREATE TYPE "PlanPeriod" AS ENUM ('DAY', 'WEEK', 'MONTH');

-- CreateEnum
CREATE TYPE "SplitRule" AS ENUM ('EVEN', 'HISTORY', 'WEIGHT');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "VictoryKind" AS ENUM ('PLAN_DONE', 'STREAK', 'MILESTONE', 'RECORD');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('OPEN', 'CLOSED');

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "minutesPerDay" INTEGER,
ADD COLUMN     "reminderSentOn" DATE,
ADD COLUMN     "reminderTime" TEXT,
ADD COLUMN     "splitWeight" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "backdateDays" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "leaderboardEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "template" TEXT,
ADD COLUMN     "uplineCanEditEntries" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Metric" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "MetricKind" NOT NULL,
    "unit" "MetricUnit" NOT NULL DEFAULT 'COUNT',
    "direction" "MetricDirection" NOT NULL DEFAULT 'INCREASE',
    "minutesPerAction" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FunnelStage" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "resultMetricId" TEXT NOT NULL,
    "activityMetricId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "fromCount" INTEGER NOT NULL,
    "toCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FunnelStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rank" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "personalVolume" INTEGER NOT NULL DEFAULT 0,
    "teamVolume" INTEGER NOT NULL DEFAULT 0,
    "personallySponsored" INTEGER NOT NULL DEFAULT 0,
    "qualifiedLegs" INTEGER NOT NULL DEFAULT 0,
    "monthlyIncome" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rank_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "rootMembershipId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "metricId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "target" INTEGER NOT NULL,
    "baseline" INTEGER NOT NULL DEFAULT 0,
    "startDate" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "period" "PlanPeriod" NOT NULL DEFAULT 'WEEK',
    "curve" "GoalCurve" NOT NULL DEFAULT 'LINEAR',
    "curveStrength" INTEGER,
    "checkpoints" JSONB,
    "splitRule" "SplitRule" NOT NULL DEFAULT 'EVEN',
    "historyDays" INTEGER NOT NULL DEFAULT 28,
    "historyFloorPct" INTEGER NOT NULL DEFAULT 50,
    "status" "GoalStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberTarget" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "personal" INTEGER NOT NULL,
    "team" INTEGER NOT NULL,
    "personalOverride" INTEGER,
    "teamOverride" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MemberTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetChange" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "membershipId" TEXT,
    "actorId" TEXT,
    "reason" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "fromValue" INTEGER,
    "toValue" INTEGER,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TargetChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetProposal" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "proposed" INTEGER NOT NULL,
    "note" TEXT,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TargetProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Entry" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "metricId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "amount" INTEGER NOT NULL,
    "note" TEXT,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntryRevision" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "amount" INTEGER NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntryRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyTotal" (
    "teamId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "metricId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "total" INTEGER NOT NULL,
    "entries" INTEGER NOT NULL,

    CONSTRAINT "DailyTotal_pkey" PRIMARY KEY ("membershipId","metricId","day")
);

-- CreateTable
CREATE TABLE "Victory" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "kind" "VictoryKind" NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "data" JSONB,
    "day" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Victory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cheer" (
    "id" TEXT NOT NULL,
    "victoryId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cheer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeeklyReview" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "goalId" TEXT,
    "rootMembershipId" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'OPEN',
    "snapshot" JSONB,
    "closedAt" TIMESTAMP(3),
    "digestSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WeeklyReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "text" TEXT NOT NULL,
    "metricId" TEXT,
    "amount" INTEGER,
    "enteredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Metric_teamId_position_idx" ON "Metric"("teamId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Metric_teamId_key_key" ON "Metric"("teamId", "key");

-- CreateIndex
CREATE INDEX "FunnelStage_teamId_idx" ON "FunnelStage"("teamId");

-- CreateIndex
CREATE INDEX "FunnelStage_activityMetricId_idx" ON "FunnelStage"("activityMetricId");

-- CreateIndex
CREATE UNIQUE INDEX "FunnelStage_resultMetricId_activityMetricId_key" ON "FunnelStage"("resultMetricId", "activityMetricId");

-- CreateIndex
CREATE UNIQUE INDEX "FunnelStage_resultMetricId_position_key" ON "FunnelStage"("resultMetricId", "position");

-- CreateIndex
CREATE INDEX "Rank_teamId_idx" ON "Rank"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Rank_teamId_position_key" ON "Rank"("teamId", "position");

-- CreateIndex
CREATE INDEX "Goal_teamId_status_idx" ON "Goal"("teamId", "status");

-- CreateIndex
CREATE INDEX "Goal_rootMembershipId_idx" ON "Goal"("rootMembershipId");

-- CreateIndex
CREATE INDEX "Goal_createdById_idx" ON "Goal"("createdById");

-- CreateIndex
CREATE INDEX "Goal_metricId_idx" ON "Goal"("metricId");

-- CreateIndex
CREATE INDEX "MemberTarget_membershipId_idx" ON "MemberTarget"("membershipId");

-- CreateIndex
CREATE INDEX "MemberTarget_teamId_idx" ON "MemberTarget"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "MemberTarget_goalId_membershipId_key" ON "MemberTarget"("goalId", "membershipId");

-- CreateIndex
CREATE INDEX "TargetChange_goalId_membershipId_createdAt_idx" ON "TargetChange"("goalId", "membershipId", "createdAt");

-- CreateIndex
CREATE INDEX "TargetChange_membershipId_idx" ON "TargetChange"("membershipId");

-- CreateIndex
CREATE INDEX "TargetChange_actorId_idx" ON "TargetChange"("actorId");

-- CreateIndex
CREATE INDEX "TargetChange_teamId_idx" ON "TargetChange"("teamId");

-- CreateIndex
CREATE INDEX "TargetProposal_goalId_status_idx" ON "TargetProposal"("goalId", "status");

-- CreateIndex
CREATE INDEX "TargetProposal_membershipId_idx" ON "TargetProposal"("membershipId");

-- CreateIndex
CREATE INDEX "TargetProposal_decidedById_idx" ON "TargetProposal"("decidedById");

-- CreateIndex
CREATE INDEX "TargetProposal_teamId_idx" ON "TargetProposal"("teamId");

-- CreateIndex
CREATE INDEX "Entry_membershipId_day_idx" ON "Entry"("membershipId", "day");

-- CreateIndex
CREATE INDEX "Entry_teamId_day_idx" ON "Entry"("teamId", "day");

-- CreateIndex
CREATE INDEX "Entry_metricId_idx" ON "Entry"("metricId");

-- CreateIndex
CREATE INDEX "Entry_createdById_idx" ON "Entry"("createdById");

-- CreateIndex
CREATE INDEX "EntryRevision_entryId_idx" ON "EntryRevision"("entryId");

-- CreateIndex
CREATE INDEX "EntryRevision_actorId_idx" ON "EntryRevision"("actorId");

-- CreateIndex
CREATE INDEX "DailyTotal_teamId_metricId_day_idx" ON "DailyTotal"("teamId", "metricId", "day");

-- CreateIndex
CREATE INDEX "DailyTotal_metricId_idx" ON "DailyTotal"("metricId");

-- CreateIndex
CREATE INDEX "Victory_teamId_createdAt_idx" ON "Victory"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Victory_membershipId_key_key" ON "Victory"("membershipId", "key");

-- CreateIndex
CREATE INDEX "Cheer_membershipId_idx" ON "Cheer"("membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "Cheer_victoryId_membershipId_key" ON "Cheer"("victoryId", "membershipId");

-- CreateIndex
CREATE INDEX "WeeklyReview_teamId_weekStart_idx" ON "WeeklyReview"("teamId", "weekStart");

-- CreateIndex
CREATE INDEX "WeeklyReview_goalId_idx" ON "WeeklyReview"("goalId");

-- CreateIndex
CREATE INDEX "WeeklyReview_rootMembershipId_idx" ON "WeeklyReview"("rootMembershipId");

-- CreateIndex
CREATE INDEX "WeeklyReview_startedById_idx" ON "WeeklyReview"("startedById");

-- CreateIndex
CREATE INDEX "Commitment_teamId_weekStart_idx" ON "Commitment"("teamId", "weekStart");

-- CreateIndex
CREATE INDEX "Commitment_enteredById_idx" ON "Commitment"("enteredById");

-- CreateIndex
CREATE INDEX "Commitment_metricId_idx" ON "Commitment"("metricId");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_membershipId_weekStart_key" ON "Commitment"("membershipId", "weekStart");

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunnelStage" ADD CONSTRAINT "FunnelStage_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunnelStage" ADD CONSTRAINT "FunnelStage_resultMetricId_fkey" FOREIGN KEY ("resultMetricId") REFERENCES "Metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunnelStage" ADD CONSTRAINT "FunnelStage_activityMetricId_fkey" FOREIGN KEY ("activityMetricId") REFERENCES "Metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rank" ADD CONSTRAINT "Rank_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_rootMembershipId_fkey" FOREIGN KEY ("rootMembershipId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberTarget" ADD CONSTRAINT "MemberTarget_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberTarget" ADD CONSTRAINT "MemberTarget_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberTarget" ADD CONSTRAINT "MemberTarget_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetChange" ADD CONSTRAINT "TargetChange_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetChange" ADD CONSTRAINT "TargetChange_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetChange" ADD CONSTRAINT "TargetChange_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetChange" ADD CONSTRAINT "TargetChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetProposal" ADD CONSTRAINT "TargetProposal_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetProposal" ADD CONSTRAINT "TargetProposal_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetProposal" ADD CONSTRAINT "TargetProposal_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetProposal" ADD CONSTRAINT "TargetProposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryRevision" ADD CONSTRAINT "EntryRevision_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryRevision" ADD CONSTRAINT "EntryRevision_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyTotal" ADD CONSTRAINT "DailyTotal_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyTotal" ADD CONSTRAINT "DailyTotal_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyTotal" ADD CONSTRAINT "DailyTotal_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Victory" ADD CONSTRAINT "Victory_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Victory" ADD CONSTRAINT "Victory_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cheer" ADD CONSTRAINT "Cheer_victoryId_fkey" FOREIGN KEY ("victoryId") REFERENCES "Victory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cheer" ADD CONSTRAINT "Cheer_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReview" ADD CONSTRAINT "WeeklyReview_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReview" ADD CONSTRAINT "WeeklyReview_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReview" ADD CONSTRAINT "WeeklyReview_rootMembershipId_fkey" FOREIGN KEY ("rootMembershipId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReview" ADD CONSTRAINT "WeeklyReview_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE SET NULL ON UPDATE CASCADE;

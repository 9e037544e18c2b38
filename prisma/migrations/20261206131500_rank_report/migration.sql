-- AlterTable
ALTER TABLE "Goal" ADD COLUMN     "rankPlanId" TEXT;

-- AlterTable
ALTER TABLE "Rank" ADD COLUMN     "activeMembers" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "activeMinVolume" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "legCapPct" INTEGER,
ADD COLUMN     "legRankId" TEXT;

-- CreateTable
CREATE TABLE "RankPlan" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "rankId" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RankPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RankPlan_teamId_idx" ON "RankPlan"("teamId");

-- CreateIndex
CREATE INDEX "RankPlan_membershipId_idx" ON "RankPlan"("membershipId");

-- CreateIndex
CREATE INDEX "RankPlan_rankId_idx" ON "RankPlan"("rankId");

-- CreateIndex
CREATE INDEX "Goal_rankPlanId_idx" ON "Goal"("rankPlanId");

-- CreateIndex
CREATE INDEX "Rank_legRankId_idx" ON "Rank"("legRankId");

-- AddForeignKey
ALTER TABLE "Rank" ADD CONSTRAINT "Rank_legRankId_fkey" FOREIGN KEY ("legRankId") REFERENCES "Rank"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankPlan" ADD CONSTRAINT "RankPlan_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankPlan" ADD CONSTRAINT "RankPlan_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankPlan" ADD CONSTRAINT "RankPlan_rankId_fkey" FOREIGN KEY ("rankId") REFERENCES "Rank"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_rankPlanId_fkey" FOREIGN KEY ("rankPlanId") REFERENCES "RankPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

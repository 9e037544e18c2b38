-- Issue 21: the dashboard's first views of a big goal's branches, kept for every app instance (BranchViewSnapshot in
-- schema.prisma). An instance that has not read the goal's 100,000-member roll-up yet serves a branch's view from one
-- row here instead; rows are cut from the one roll-up by the one function (server/domain/branch-view.ts). A job
-- (dashboard.keep-views-ahead) keeps the views of goals in use fresh, so even the first read of the day is one row.

-- CreateTable
CREATE TABLE "BranchViewSnapshot" (
    "key" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "view" JSON NOT NULL,

    CONSTRAINT "BranchViewSnapshot_pkey" PRIMARY KEY ("key","membershipId")
);

-- CreateIndex
CREATE INDEX "BranchViewSnapshot_goalId_idx" ON "BranchViewSnapshot"("goalId");

-- CreateIndex
CREATE INDEX "BranchViewSnapshot_membershipId_idx" ON "BranchViewSnapshot"("membershipId");

-- AddForeignKey
ALTER TABLE "BranchViewSnapshot" ADD CONSTRAINT "BranchViewSnapshot_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchViewSnapshot" ADD CONSTRAINT "BranchViewSnapshot_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "TargetReplan" (
    "goalId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "fromDate" DATE NOT NULL,
    "base" INTEGER NOT NULL,
    "fixedFrom" DATE,
    "fixedTo" DATE,
    "fixedAmount" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TargetReplan_pkey" PRIMARY KEY ("goalId","membershipId")
);

-- CreateIndex
CREATE INDEX "TargetReplan_membershipId_idx" ON "TargetReplan"("membershipId");

-- AddForeignKey
ALTER TABLE "TargetReplan" ADD CONSTRAINT "TargetReplan_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetReplan" ADD CONSTRAINT "TargetReplan_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

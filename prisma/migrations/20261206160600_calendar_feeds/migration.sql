-- CreateEnum
CREATE TYPE "CalendarFeedScope" AS ENUM ('MEMBER', 'TEAM');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "reviewMinutes" INTEGER NOT NULL DEFAULT 45,
ADD COLUMN     "reviewTime" TEXT,
ADD COLUMN     "reviewWeekday" INTEGER;

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "scope" "CalendarFeedScope" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastFetchedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_membershipId_idx" ON "CalendarFeed"("membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_membershipId_scope_key" ON "CalendarFeed"("membershipId", "scope");

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "DayOffKind" AS ENUM ('HOLIDAY', 'SICK', 'OTHER');

-- AlterTable
ALTER TABLE "Goal" ADD COLUMN     "holidays" DATE[] DEFAULT ARRAY[]::DATE[];

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "timeZone" TEXT;

-- CreateTable
CREATE TABLE "TeamHoliday" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamHoliday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberDayOff" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "kind" "DayOffKind" NOT NULL DEFAULT 'HOLIDAY',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberDayOff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TeamHoliday_teamId_day_key" ON "TeamHoliday"("teamId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "MemberDayOff_membershipId_day_key" ON "MemberDayOff"("membershipId", "day");

-- AddForeignKey
ALTER TABLE "TeamHoliday" ADD CONSTRAINT "TeamHoliday_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberDayOff" ADD CONSTRAINT "MemberDayOff_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

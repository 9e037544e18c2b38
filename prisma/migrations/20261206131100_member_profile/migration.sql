-- AlterEnum
ALTER TYPE "UserTokenPurpose" ADD VALUE 'CHANGE_EMAIL';

-- AlterTable
ALTER TABLE "UserToken" ADD COLUMN     "email" TEXT;

-- AlterTable
ALTER TABLE "Membership" ALTER COLUMN "splitWeight" SET DEFAULT 100;

-- Split weights become percentages of a full-time share (100 = full time, 50 = half): every existing weight is
-- multiplied by 100, so the weighted split of every goal stays exactly as it was.
UPDATE "Membership" SET "splitWeight" = "splitWeight" * 100;

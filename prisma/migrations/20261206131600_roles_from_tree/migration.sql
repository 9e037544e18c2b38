-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "sponsorsLeadBranches" BOOLEAN NOT NULL DEFAULT true;

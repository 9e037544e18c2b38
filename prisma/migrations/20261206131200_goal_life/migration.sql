-- AlterTable
ALTER TABLE "Goal" ADD COLUMN     "mainSince" TIMESTAMP(3);

-- Cheaper whole-team target writes (docs/PERFORMANCE.md, "Cascade and re-plan"). Existing data is kept:
--  * MemberTarget is keyed by (goalId, membershipId) — already unique — instead of a surrogate id nothing referenced;
--    teamId (always the goal's team) goes with its foreign key and index: one foreign-key check and two index
--    insertions less per row.
--  * MemberTarget pages keep half their space free so a re-plan's UPDATE of every member is a HOT update (the new
--    version fits on the same page; no index entries written). Applies to rows written from now on.
--  * TargetChange gains parallel arrays: a whole-team recalculation is one goal-level row with every member's
--    from → to. Per-member rows written before this migration stay as they are and are still listed.

-- DropForeignKey
ALTER TABLE "MemberTarget" DROP CONSTRAINT "MemberTarget_teamId_fkey";

-- DropIndex
DROP INDEX "MemberTarget_goalId_membershipId_key";

-- DropIndex
DROP INDEX "MemberTarget_teamId_idx";

-- AlterTable
ALTER TABLE "MemberTarget" DROP CONSTRAINT "MemberTarget_pkey",
DROP COLUMN "id",
DROP COLUMN "teamId",
ADD CONSTRAINT "MemberTarget_pkey" PRIMARY KEY ("goalId", "membershipId");

ALTER TABLE "MemberTarget" SET (fillfactor = 50);

-- AlterTable
ALTER TABLE "TargetChange" ADD COLUMN     "membershipIds" TEXT[],
ADD COLUMN     "personalFrom" INTEGER[],
ADD COLUMN     "personalTo" INTEGER[],
ADD COLUMN     "teamFrom" INTEGER[],
ADD COLUMN     "teamTo" INTEGER[];

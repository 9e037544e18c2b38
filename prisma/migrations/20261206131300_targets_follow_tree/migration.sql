-- AlterTable
ALTER TABLE "Goal" ADD COLUMN     "followTree" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "formerParentId" TEXT;

-- CreateIndex
CREATE INDEX "Membership_formerParentId_idx" ON "Membership"("formerParentId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_formerParentId_fkey" FOREIGN KEY ("formerParentId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill (data only): members removed before this migration get the upline their removal recorded
-- (AuditEvent "member.removed", data.formerParentId), when that member is still in the team.
UPDATE "Membership" m
   SET "formerParentId" = e.former
  FROM (SELECT DISTINCT ON ("subjectId") "subjectId", "data"->>'formerParentId' AS former
          FROM "AuditEvent"
         WHERE "action" = 'member.removed'
         ORDER BY "subjectId", "createdAt" DESC) e
 WHERE m.id = e."subjectId" AND m.status = 'REMOVED' AND m."formerParentId" IS NULL
   AND EXISTS (SELECT 1 FROM "Membership" p WHERE p.id = e.former AND p."teamId" = m."teamId");

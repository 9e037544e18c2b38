-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "afterInviteId" TEXT;

-- CreateIndex
CREATE INDEX "Invite_afterInviteId_idx" ON "Invite"("afterInviteId");

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_afterInviteId_fkey" FOREIGN KEY ("afterInviteId") REFERENCES "Invite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

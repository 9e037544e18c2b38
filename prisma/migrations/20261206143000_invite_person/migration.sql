-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "personId" TEXT;

-- CreateIndex
CREATE INDEX "Invite_personId_idx" ON "Invite"("personId");

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

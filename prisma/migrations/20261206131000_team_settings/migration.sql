-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "leadersCanEditSettings" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "settingsVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "TeamSlugRedirect" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamSlugRedirect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TeamSlugRedirect_slug_idx" ON "TeamSlugRedirect"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "TeamSlugRedirect_teamId_slug_key" ON "TeamSlugRedirect"("teamId", "slug");

-- AddForeignKey
ALTER TABLE "TeamSlugRedirect" ADD CONSTRAINT "TeamSlugRedirect_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

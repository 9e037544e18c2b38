-- CreateTable
CREATE TABLE "DigestSent" (
    "membershipId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestSent_pkey" PRIMARY KEY ("membershipId","weekStart")
);

-- AddForeignKey
ALTER TABLE "DigestSent" ADD CONSTRAINT "DigestSent_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

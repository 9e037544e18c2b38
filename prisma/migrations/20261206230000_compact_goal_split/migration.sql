-- Issue 21: a goal's split is ONE row (GoalSplit.split, 8 bytes a member slot) instead of a MemberTarget row per
-- member; hand-set targets keep a row each (TargetOverride). Members get a dense per-team slot (Membership.slot),
-- handed out by Team.nextSlot. Existing goals keep their numbers: MemberTarget is carried over, then dropped.

-- Slots: dense per team, in creation order; the team's next slot follows the last one.
ALTER TABLE "Team" ADD COLUMN     "nextSlot" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Membership" ADD COLUMN     "slot" INTEGER;
UPDATE "Membership" m
   SET "slot" = s.n
  FROM (SELECT id, (row_number() OVER (PARTITION BY "teamId" ORDER BY "createdAt", id) - 1)::int AS n FROM "Membership") s
 WHERE m.id = s.id;
ALTER TABLE "Membership" ALTER COLUMN "slot" SET NOT NULL;
UPDATE "Team" t
   SET "nextSlot" = s.next
  FROM (SELECT "teamId", MAX("slot") + 1 AS next FROM "Membership" GROUP BY "teamId") s
 WHERE t.id = s."teamId";
CREATE UNIQUE INDEX "Membership_teamId_slot_key" ON "Membership"("teamId", "slot");

-- CreateTable
CREATE TABLE "GoalSplit" (
    "goalId" TEXT NOT NULL,
    "split" BYTEA NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GoalSplit_pkey" PRIMARY KEY ("goalId")
);
-- Uncompressed TOAST: substring(split FROM slot * 8 + 1 FOR 8) fetches only the chunk that holds the slot.
ALTER TABLE "GoalSplit" ALTER COLUMN "split" SET STORAGE EXTERNAL;

-- CreateTable
CREATE TABLE "TargetOverride" (
    "goalId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "personal" INTEGER,
    "team" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TargetOverride_pkey" PRIMARY KEY ("goalId","membershipId")
);

-- CreateIndex
CREATE INDEX "TargetOverride_membershipId_idx" ON "TargetOverride"("membershipId");

-- AddForeignKey
ALTER TABLE "GoalSplit" ADD CONSTRAINT "GoalSplit_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TargetOverride" ADD CONSTRAINT "TargetOverride_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TargetOverride" ADD CONSTRAINT "TargetOverride_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Carry the targets over: one split per goal with targets (slots of members without a target hold the marker
-- personal = -2^31), and the overrides as rows.
INSERT INTO "GoalSplit" ("goalId", "split", "version", "updatedAt")
SELECT x."goalId",
       string_agg(CASE WHEN mt."membershipId" IS NULL THEN decode('8000000000000000', 'hex')
                       ELSE int4send(mt.personal) || int4send(mt.team) END, ''::bytea ORDER BY s.n),
       MAX(x.version), MAX(x."updatedAt")
  FROM (SELECT t."goalId", g."teamId", MAX(m."slot") AS last, MAX(t.version) AS version, MAX(t."updatedAt") AS "updatedAt"
          FROM "MemberTarget" t
          JOIN "Goal" g ON g.id = t."goalId"
          JOIN "Membership" m ON m.id = t."membershipId"
         GROUP BY t."goalId", g."teamId") x
  CROSS JOIN LATERAL generate_series(0, x.last) AS s(n)
  LEFT JOIN "Membership" m ON m."teamId" = x."teamId" AND m."slot" = s.n
  LEFT JOIN "MemberTarget" mt ON mt."goalId" = x."goalId" AND mt."membershipId" = m.id
 GROUP BY x."goalId";

INSERT INTO "TargetOverride" ("goalId", "membershipId", "personal", "team", "createdAt", "updatedAt")
SELECT "goalId", "membershipId", "personalOverride", "teamOverride", "createdAt", "updatedAt"
  FROM "MemberTarget"
 WHERE "personalOverride" IS NOT NULL OR "teamOverride" IS NOT NULL;

-- DropTable
DROP TABLE "MemberTarget";

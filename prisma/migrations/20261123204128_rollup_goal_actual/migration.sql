-- GoalActual: a member's actual for a goal (DailyTotal.total summed over the goal's metric, startDate..deadline), so
-- the dashboard roll-up reads one row per member instead of one per member and day (docs/PERFORMANCE.md).
-- Kept exact by the triggers below, in the same statement as every change to DailyTotal or to a goal's dates,
-- whichever code path makes it (logging, edit, delete, imports, seeds, tests). Application code never writes it.

-- CreateTable
CREATE TABLE "GoalActual" (
    "goalId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "total" BIGINT NOT NULL,

    CONSTRAINT "GoalActual_pkey" PRIMARY KEY ("goalId","membershipId")
);

-- CreateIndex
CREATE INDEX "GoalActual_membershipId_idx" ON "GoalActual"("membershipId");

-- No foreign keys: every row comes from DailyTotal and Goal rows, which have theirs; the triggers at the end delete
-- a goal's or a membership's rows with it. (A foreign-key check per row doubled the cost of recomputing a goal of
-- 100,000 members: 6 of 12 s under load.)

-- DailyTotal changes → GoalActual, once per statement (transition tables), grouped per goal and member.
-- Inserts and updates upsert the signed difference; deletes only lower existing rows (when a membership or team is
-- deleted, its rows may already be gone). Zero differences (an entry-count-only change) write nothing.
CREATE FUNCTION "goal_actual_on_daily_total"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "GoalActual" ("goalId", "membershipId", total)
    SELECT g.id, n."membershipId", SUM(n.total)
      FROM dt_new n
      JOIN "Goal" g ON g."teamId" = n."teamId" AND g."metricId" = n."metricId" AND n.day BETWEEN g."startDate" AND g.deadline
     GROUP BY g.id, n."membershipId"
    HAVING SUM(n.total) <> 0
     ORDER BY g.id, n."membershipId"
    ON CONFLICT ("goalId", "membershipId") DO UPDATE SET total = "GoalActual".total + excluded.total;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "GoalActual" ("goalId", "membershipId", total)
    SELECT g.id, c."membershipId", SUM(c.total)
      FROM (SELECT "teamId", "membershipId", "metricId", day, total::bigint AS total FROM dt_new
            UNION ALL
            SELECT "teamId", "membershipId", "metricId", day, -total::bigint FROM dt_old) c
      JOIN "Goal" g ON g."teamId" = c."teamId" AND g."metricId" = c."metricId" AND c.day BETWEEN g."startDate" AND g.deadline
     GROUP BY g.id, c."membershipId"
    HAVING SUM(c.total) <> 0
     ORDER BY g.id, c."membershipId"
    ON CONFLICT ("goalId", "membershipId") DO UPDATE SET total = "GoalActual".total + excluded.total;
  ELSE
    UPDATE "GoalActual" ga
       SET total = ga.total - d.total
      FROM (SELECT g.id AS "goalId", o."membershipId", SUM(o.total) AS total
              FROM dt_old o
              JOIN "Goal" g ON g."teamId" = o."teamId" AND g."metricId" = o."metricId" AND o.day BETWEEN g."startDate" AND g.deadline
             GROUP BY g.id, o."membershipId"
            HAVING SUM(o.total) <> 0) d
     WHERE ga."goalId" = d."goalId" AND ga."membershipId" = d."membershipId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "DailyTotal_goal_actual_insert" AFTER INSERT ON "DailyTotal"
  REFERENCING NEW TABLE AS dt_new FOR EACH STATEMENT EXECUTE FUNCTION "goal_actual_on_daily_total"();
CREATE TRIGGER "DailyTotal_goal_actual_update" AFTER UPDATE ON "DailyTotal"
  REFERENCING OLD TABLE AS dt_old NEW TABLE AS dt_new FOR EACH STATEMENT EXECUTE FUNCTION "goal_actual_on_daily_total"();
CREATE TRIGGER "DailyTotal_goal_actual_delete" AFTER DELETE ON "DailyTotal"
  REFERENCING OLD TABLE AS dt_old FOR EACH STATEMENT EXECUTE FUNCTION "goal_actual_on_daily_total"();

-- A goal's rows are computed from DailyTotal when it is created, and brought up to date in place (upsert, then
-- delete who no longer has anything) when its team, metric or dates change.
CREATE FUNCTION "goal_actual_on_goal"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "GoalActual" ("goalId", "membershipId", total)
    SELECT NEW.id, dt."membershipId", SUM(dt.total)
      FROM "DailyTotal" dt
     WHERE dt."teamId" = NEW."teamId" AND dt."metricId" = NEW."metricId" AND dt.day BETWEEN NEW."startDate" AND NEW.deadline
     GROUP BY dt."membershipId"
    HAVING SUM(dt.total) <> 0;
  ELSE
    WITH fresh AS (
      SELECT dt."membershipId", SUM(dt.total) AS total
        FROM "DailyTotal" dt
       WHERE dt."teamId" = NEW."teamId" AND dt."metricId" = NEW."metricId" AND dt.day BETWEEN NEW."startDate" AND NEW.deadline
       GROUP BY dt."membershipId"
      HAVING SUM(dt.total) <> 0
    ), upserted AS (
      INSERT INTO "GoalActual" ("goalId", "membershipId", total)
      SELECT NEW.id, f."membershipId", f.total FROM fresh f
      ON CONFLICT ("goalId", "membershipId") DO UPDATE SET total = excluded.total
       WHERE "GoalActual".total IS DISTINCT FROM excluded.total
    )
    DELETE FROM "GoalActual" ga
     WHERE ga."goalId" = NEW.id AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f."membershipId" = ga."membershipId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Goal_goal_actual_insert" AFTER INSERT ON "Goal"
  FOR EACH ROW EXECUTE FUNCTION "goal_actual_on_goal"();
CREATE TRIGGER "Goal_goal_actual_update" AFTER UPDATE OF "teamId", "metricId", "startDate", deadline ON "Goal"
  FOR EACH ROW
  WHEN (OLD."teamId" IS DISTINCT FROM NEW."teamId" OR OLD."metricId" IS DISTINCT FROM NEW."metricId"
        OR OLD."startDate" IS DISTINCT FROM NEW."startDate" OR OLD.deadline IS DISTINCT FROM NEW.deadline)
  EXECUTE FUNCTION "goal_actual_on_goal"();

-- Deleting goals or memberships (directly or by a team's cascade) deletes their rows.
CREATE FUNCTION "goal_actual_on_goal_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "GoalActual" ga USING gone g WHERE ga."goalId" = g.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "Goal_goal_actual_delete" AFTER DELETE ON "Goal"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "goal_actual_on_goal_delete"();

CREATE FUNCTION "goal_actual_on_membership_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "GoalActual" ga USING gone m WHERE ga."membershipId" = m.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "Membership_goal_actual_delete" AFTER DELETE ON "Membership"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "goal_actual_on_membership_delete"();

-- Backfill: every existing goal's rows.
INSERT INTO "GoalActual" ("goalId", "membershipId", total)
SELECT g.id, dt."membershipId", SUM(dt.total)
  FROM "Goal" g
  JOIN "DailyTotal" dt ON dt."teamId" = g."teamId" AND dt."metricId" = g."metricId" AND dt.day BETWEEN g."startDate" AND g.deadline
 GROUP BY g.id, dt."membershipId"
HAVING SUM(dt.total) <> 0;

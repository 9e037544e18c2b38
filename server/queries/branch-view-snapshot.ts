/**
 * The dashboard's kept first views of a big goal's branches (BranchViewSnapshot, issue 21): one row per branch and
 * roll-up key, read by primary key and written for a whole roll-up in ONE statement (the views travel as one JSON
 * array, so a few hundred views cost one round trip). What a view holds and when it may be served is decided by
 * server/services/progress/branch-view-store.ts; this module only moves the rows.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { z } from "zod";
import { col, execute, mappedRows, queryFirst, queryRows, zcol, zodRows } from "./decode";

export interface KeptViewRow {
  computedAt: Date;
  requestedAt: Date;
  /** The view as written (JSON); the service checks its shape. */
  view: unknown;
}

const keptRow = mappedRows("branchViewSnapshot.read", (r) => ({
  computedAt: col.date(r, "computedAt"),
  requestedAt: col.date(r, "requestedAt"),
  view: r.view,
}));

/** The view kept under `key` for the branch of `membershipId`, or null. */
export function readKeptView(db: DbClient, args: { key: string; membershipId: string }): Promise<KeptViewRow | null> {
  return queryFirst(
    db,
    keptRow,
    Prisma.sql`
    SELECT "computedAt", "requestedAt", "view" FROM "BranchViewSnapshot"
     WHERE "key" = ${args.key} AND "membershipId" = ${args.membershipId}`,
  );
}

/**
 * Keeps `views` (one per branch root) under `key`, replacing older ones kept under the same key and branch, and
 * removes the goal's views under other keys computed before `dropBefore` (too old to be served: other days, other
 * periods, older numbers). ONE statement (a writing CTE), so any client may run it; returns how many were written.
 * A goal deleted while its roll-up was read gets none (0, not a foreign-key error).
 */
export function writeKeptViews(
  db: DbClient,
  args: {
    key: string;
    goalId: string;
    period: string;
    computedAt: Date;
    /** When a person asked for them (a person's read: `computedAt`; the keep-ahead job: the last request it saw). */
    requestedAt: Date;
    views: readonly { membershipId: string; view: unknown }[];
    dropBefore: Date;
  },
): Promise<number> {
  const payload = JSON.stringify(args.views.map((v) => ({ m: v.membershipId, v: v.view })));
  return execute(
    db,
    Prisma.sql`
    WITH dropped AS (
      DELETE FROM "BranchViewSnapshot"
       WHERE "goalId" = ${args.goalId} AND "key" <> ${args.key} AND "computedAt" < ${args.dropBefore}
    )
    INSERT INTO "BranchViewSnapshot" ("key", "membershipId", "goalId", "period", "computedAt", "requestedAt", "view")
    SELECT ${args.key}, e->>'m', ${args.goalId}, ${args.period}, ${args.computedAt}, ${args.requestedAt}, e->'v'
      FROM json_array_elements(${payload}::json) AS e
     WHERE EXISTS (SELECT 1 FROM "Goal" g WHERE g.id = ${args.goalId})
    ON CONFLICT ("key", "membershipId") DO UPDATE
      SET "computedAt" = EXCLUDED."computedAt", "view" = EXCLUDED."view",
          "requestedAt" = GREATEST("BranchViewSnapshot"."requestedAt", EXCLUDED."requestedAt")
      WHERE "BranchViewSnapshot"."computedAt" <= EXCLUDED."computedAt"`,
  );
}

/** Records a request of a kept view at `at`, unless one was recorded since `unlessSince` (one write a minute). */
export function touchKeptView(
  db: DbClient,
  args: { key: string; membershipId: string; at: Date; unlessSince: Date },
): Promise<number> {
  return execute(
    db,
    Prisma.sql`
    UPDATE "BranchViewSnapshot" SET "requestedAt" = ${args.at}
     WHERE "key" = ${args.key} AND "membershipId" = ${args.membershipId} AND "requestedAt" < ${args.unlessSince}`,
  );
}

const dueSchema = z.object({
  goalId: z.string(),
  teamId: z.string(),
  rootUserId: z.string(),
  period: z.enum(["week", "month", "goal"]),
  requestedAt: zcol.date,
});
const dueRow = zodRows("branchViewSnapshot.due", dueSchema);
export type ViewsDue = z.output<typeof dueSchema>;

/**
 * The goals and periods whose views a person asked for since `requestedSince` and whose newest view was computed
 * at or before `computedBefore` (whatever its key: the day after, the newest is yesterday's), published goals only,
 * with the goal root's user (the keep-ahead job reads the roll-up as the goal's root does). One row per goal and
 * period, the last request first.
 */
export function listViewsDue(db: DbClient, args: { requestedSince: Date; computedBefore: Date }): Promise<ViewsDue[]> {
  return queryRows(
    db,
    dueRow,
    Prisma.sql`
    SELECT v."goalId", g."teamId", m."userId" AS "rootUserId", v."period", MAX(v."requestedAt") AS "requestedAt"
      FROM "BranchViewSnapshot" v
      JOIN "Goal" g ON g.id = v."goalId" AND g.status = 'PUBLISHED'
      JOIN "Membership" m ON m.id = g."rootMembershipId"
     GROUP BY v."goalId", g."teamId", m."userId", v."period"
    HAVING MAX(v."requestedAt") >= ${args.requestedSince} AND MAX(v."computedAt") <= ${args.computedBefore}
     ORDER BY MAX(v."requestedAt") DESC`,
  );
}

/** Removes every kept view of a goal (tests and the benchmark's cold reads). */
export function dropKeptViews(db: DbClient, goalId: string): Promise<number> {
  return execute(db, Prisma.sql`DELETE FROM "BranchViewSnapshot" WHERE "goalId" = ${goalId}`);
}

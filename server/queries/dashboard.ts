/**
 * The dashboard's SQL besides the roll-up (server/queries/rollup.ts): the charts, the leaderboard's activity, the CSV
 * export and the victories feed (also the weekly review's wins). Each is ONE query over a recursive CTE down from a
 * subtree root, whatever the tree size; rows are decoded through server/queries/decode.ts (round trip:
 * dashboard.integration.test.ts beside this file).
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { subtreeCte } from "@/server/queries/tree";
import { col, mappedRows, queryRows, zcol, zodRows } from "./decode";
import { pgTextArray } from "./pg-array";
import { joinSlotTargets } from "./goal-split";

interface Subtree {
  teamId: string;
  rootId: string;
}

/** The subtree with each member's branch: the root's own node, or the root's direct member whose team they are in. */
const subtreeWithBranch = ({ teamId, rootId }: Subtree) => Prisma.sql`
  WITH RECURSIVE down AS (
    SELECT id, id AS branch, 0 AS depth
      FROM "Membership"
     WHERE id = ${rootId} AND "teamId" = ${teamId} AND status = 'ACTIVE'
    UNION ALL
    SELECT m.id, CASE WHEN down.depth = 0 THEN m.id ELSE down.branch END, down.depth + 1
      FROM "Membership" m
      JOIN down ON m."parentId" = down.id
     WHERE m."teamId" = ${teamId} AND m.status = 'ACTIVE' AND down.depth < 10000
  )`;

// ---- Charts ---------------------------------------------------------------------------------------------------

export interface BranchDayRow {
  branch: string;
  day: IsoDate;
  total: number;
}
const branchDayRows = mappedRows("dashboard.branchDays", (r): BranchDayRow => ({
  branch: col.string(r, "branch"),
  day: col.string(r, "day"),
  total: col.number(r, "total"),
}));

/** A metric's daily totals per branch of the subtree, from..to. */
export function branchDailyTotals(
  db: DbClient,
  args: Subtree & { metricId: string; from: IsoDate; to: IsoDate },
): Promise<BranchDayRow[]> {
  return queryRows(
    db,
    branchDayRows,
    Prisma.sql`${subtreeWithBranch(args)}
      SELECT d.branch, to_char(dt.day, 'YYYY-MM-DD') AS day, SUM(dt.total)::float8 AS total
        FROM down d JOIN "DailyTotal" dt ON dt."membershipId" = d.id
       WHERE dt."metricId" = ${args.metricId} AND dt.day >= ${args.from}::date AND dt.day <= ${args.to}::date
       GROUP BY d.branch, dt.day`,
  );
}

const ZBranchRow = z.object({ branch: z.string(), name: z.string(), share: z.number(), members: zcol.int });
export type BranchRow = z.output<typeof ZBranchRow>;
const branchRows = zodRows("dashboard.branches", ZBranchRow);

/** Each branch of the subtree with its name, goal share (Σ personal targets) and member count; the root's own first. */
export function goalBranches(db: DbClient, args: Subtree & { goalId: string }): Promise<BranchRow[]> {
  return queryRows(
    db,
    branchRows,
    Prisma.sql`${subtreeWithBranch(args)},
      b AS (
        SELECT d.branch, COALESCE(SUM(mt.personal), 0)::float8 AS share, COUNT(*)::int AS members
          FROM down d JOIN "Membership" sm ON sm.id = d.id
          ${joinSlotTargets(args.goalId, Prisma.sql`sm.slot`)}
         GROUP BY d.branch
      )
      SELECT b.branch, u.name, b.share, b.members
        FROM b JOIN "Membership" m ON m.id = b.branch JOIN "User" u ON u.id = m."userId"
       ORDER BY (b.branch = ${args.rootId}) DESC, u.name`,
  );
}

const ZBranchShareRow = z.object({
  branch: z.string(),
  share: zcol.int,
  count: zcol.int,
  replannedId: z.string().nullable(),
});
export type BranchShareRow = z.output<typeof ZBranchShareRow>;
const branchShareRows = zodRows("dashboard.branchShares", ZBranchShareRow);

/**
 * The subtree's personal targets grouped per branch: how many members hold each share, with every member who has a
 * re-plan of the goal ("re-plan the rest") on a row of their own (`replannedId`). A branch's expected is the sum of its
 * members' (`groupExpected`, server/domain/expected-plan.ts), as the roll-up sums it.
 */
export function branchShareGroups(db: DbClient, args: Subtree & { goalId: string }): Promise<BranchShareRow[]> {
  return queryRows(
    db,
    branchShareRows,
    Prisma.sql`${subtreeWithBranch(args)},
      s AS (
        SELECT d.branch, COALESCE(mt.personal, 0) AS share,
               CASE WHEN r."membershipId" IS NOT NULL THEN d.id END AS "replannedId"
          FROM down d JOIN "Membership" sm ON sm.id = d.id
          ${joinSlotTargets(args.goalId, Prisma.sql`sm.slot`)}
          LEFT JOIN "TargetReplan" r ON r."goalId" = ${args.goalId} AND r."membershipId" = d.id
      )
      SELECT branch, share, COUNT(*)::int AS count, "replannedId"
        FROM s GROUP BY branch, share, "replannedId" ORDER BY branch, share`,
  );
}

const ZFunnelStageRow = z.object({
  key: z.string(),
  name: z.string(),
  position: zcol.int,
  fromCount: zcol.int,
  toCount: zcol.int,
  done: z.number(),
});
export type FunnelStageRow = z.output<typeof ZFunnelStageRow>;
const funnelStageRows = zodRows("dashboard.funnel", ZFunnelStageRow);

/** The funnel stages leading to a result metric, with what the subtree did of each activity from..to. */
export function funnelDone(
  db: DbClient,
  args: Subtree & { resultMetricId: string; from: IsoDate; to: IsoDate },
): Promise<FunnelStageRow[]> {
  return queryRows(
    db,
    funnelStageRows,
    Prisma.sql`${subtreeWithBranch(args)},
      done AS (
        SELECT dt."metricId", SUM(dt.total)::float8 AS total
          FROM down d JOIN "DailyTotal" dt ON dt."membershipId" = d.id
         WHERE dt.day >= ${args.from}::date AND dt.day <= ${args.to}::date
         GROUP BY dt."metricId"
      )
      SELECT am.key, am.name, fs.position, fs."fromCount", fs."toCount", COALESCE(done.total, 0)::float8 AS done
        FROM "FunnelStage" fs
        JOIN "Metric" am ON am.id = fs."activityMetricId"
        LEFT JOIN done ON done."metricId" = fs."activityMetricId"
       WHERE fs."resultMetricId" = ${args.resultMetricId}
       ORDER BY fs.position`,
  );
}

// ---- Leaderboard ----------------------------------------------------------------------------------------------

const ZMemberTotalRow = z.object({ id: z.string(), total: z.number() });
export type MemberTotalRow = z.output<typeof ZMemberTotalRow>;
const memberTotalRows = zodRows("dashboard.activityTotals", ZMemberTotalRow);

/** Each member of the subtree's activity actions (every activity metric) logged from..to; members with none absent. */
export function activityTotals(
  db: DbClient,
  args: Subtree & { from: IsoDate; to: IsoDate },
): Promise<MemberTotalRow[]> {
  return queryRows(
    db,
    memberTotalRows,
    Prisma.sql`${subtreeCte(args)}
      SELECT d.id, SUM(dt.total)::float8 AS total
        FROM down d
        JOIN "DailyTotal" dt ON dt."membershipId" = d.id
        JOIN "Metric" mt ON mt.id = dt."metricId" AND mt.kind = 'ACTIVITY'
       WHERE dt.day >= ${args.from}::date AND dt.day <= ${args.to}::date
       GROUP BY d.id`,
  );
}

// ---- CSV export -----------------------------------------------------------------------------------------------

export interface ExportMemberRow {
  id: string;
  parentId: string | null;
  name: string;
  email: string;
  uplineEmail: string | null;
  share: number;
}
/** Up to the whole team (100,000 rows): the strict mapper. */
const exportMemberRows = mappedRows("dashboard.exportMembers", (r): ExportMemberRow => ({
  id: col.string(r, "id"),
  parentId: col.stringOrNull(r, "parentId"),
  name: col.string(r, "name"),
  email: col.string(r, "email"),
  uplineEmail: col.stringOrNull(r, "uplineEmail"),
  share: col.number(r, "share"),
}));

/** The subtree's members by depth then name, with their upline's email and personal target for the goal (0: none). */
export function exportMembers(db: DbClient, args: Subtree & { goalId: string }): Promise<ExportMemberRow[]> {
  return queryRows(
    db,
    exportMemberRows,
    Prisma.sql`${subtreeCte(args)}
      SELECT d.id, d."parentId", u.name, u.email, pu.email AS "uplineEmail", COALESCE(mt.personal, 0)::float8 AS share
        FROM down d
        JOIN "Membership" m ON m.id = d.id JOIN "User" u ON u.id = m."userId"
        LEFT JOIN "Membership" pm ON pm.id = m."parentId" LEFT JOIN "User" pu ON pu.id = pm."userId"
        ${joinSlotTargets(args.goalId, Prisma.sql`m.slot`)}
       ORDER BY d.depth, u.name`,
  );
}

export interface MemberPeriodRow {
  id: string;
  /** The member's total per period: `totals[k]` for the period starting at `periodStarts[k]` (0 when none). */
  totals: number[];
}
const memberPeriodRows = (periods: number) =>
  mappedRows("dashboard.memberPeriods", (r): MemberPeriodRow => {
    const totals = new Array<number>(periods).fill(0);
    // "k:total,k:total": one text per member (a row per member and period would be ~10× the rows to decode).
    for (const pair of col.string(r, "totals").split(",")) {
      const colon = pair.indexOf(":");
      const k = Number(pair.slice(0, colon));
      const total = Number(pair.slice(colon + 1));
      if (!Number.isInteger(k) || k < 0 || k >= periods || !Number.isSafeInteger(total)) {
        throw new Error(`totals: not a period total: ${pair}`);
      }
      totals[k] = total;
    }
    return { id: col.string(r, "id"), totals };
  });

/**
 * Each member's total of a metric per period, from..to, summed in SQL (`width_bucket` over the periods' first days,
 * which must be sorted and contiguous): a row per member with history, whatever the number of days.
 */
export function memberPeriodTotals(
  db: DbClient,
  args: Subtree & { metricId: string; from: IsoDate; to: IsoDate; periodStarts: readonly IsoDate[] },
): Promise<MemberPeriodRow[]> {
  return queryRows(
    db,
    memberPeriodRows(args.periodStarts.length),
    Prisma.sql`${subtreeCte(args)}
      SELECT b.id, string_agg(b.k::text || ':' || b.total::text, ',') AS totals
        FROM (SELECT dt."membershipId" AS id, width_bucket(dt.day, ${pgTextArray(args.periodStarts)}::date[]) - 1 AS k,
                     SUM(dt.total)::bigint AS total
                FROM down d JOIN "DailyTotal" dt ON dt."membershipId" = d.id
               WHERE dt."metricId" = ${args.metricId} AND dt.day >= ${args.from}::date AND dt.day <= ${args.to}::date
               GROUP BY 1, 2) b
       WHERE b.k >= 0
       GROUP BY b.id`,
  );
}

// ---- Victories ------------------------------------------------------------------------------------------------

const ZVictoryRow = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  day: z.string(),
  memberId: z.string(),
  name: z.string(),
  cheers: zcol.int,
  cheeredByMe: z.boolean(),
});
export type VictoryItem = z.output<typeof ZVictoryRow>;
const victoryRows = zodRows("dashboard.victories", ZVictoryRow);

/**
 * The victories of the subtree's members from..to, newest first, with their cheer counts and whether `viewerId`
 * cheered each (the dashboard's feed, the weekly review's wins).
 */
export function victoriesInSubtree(
  db: DbClient,
  args: Subtree & { viewerId: string; limit: number; from: IsoDate; to: IsoDate },
): Promise<VictoryItem[]> {
  return queryRows(
    db,
    victoryRows,
    Prisma.sql`${subtreeCte(args)}
    SELECT v.id, v.kind::text AS kind, v.title, to_char(v.day, 'YYYY-MM-DD') AS day, v."membershipId" AS "memberId", u.name,
           (SELECT COUNT(*)::int FROM "Cheer" c WHERE c."victoryId" = v.id) AS cheers,
           EXISTS (SELECT 1 FROM "Cheer" c WHERE c."victoryId" = v.id AND c."membershipId" = ${args.viewerId}) AS "cheeredByMe"
      FROM "Victory" v
      JOIN down d ON d.id = v."membershipId"
      JOIN "Membership" m ON m.id = v."membershipId"
      JOIN "User" u ON u.id = m."userId"
     WHERE v."teamId" = ${args.teamId} AND v.day >= ${args.from}::date AND v.day <= ${args.to}::date
     ORDER BY v.day DESC, v."createdAt" DESC
     LIMIT ${args.limit}`,
  );
}

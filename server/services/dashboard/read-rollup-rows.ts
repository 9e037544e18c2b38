/**
 * The rows of a dashboard roll-up, in ONE SQL query whatever the tree size: every member of the subtree with name,
 * role, goal share (MemberTarget) and actuals (DailyTotal summed per member for the period, goal-to-date and the
 * run-rate window), ordered root first, then by depth and id (children always after their upline).
 *
 * Two shapes, chosen by measurement (docs/PERFORMANCE.md):
 * - the whole team (the root has no upline): no recursion — the team's members, targets and aggregates are read with
 *   set-based hash joins, and the depth order is made in memory (linear). A recursive CTE's row count is unknown to
 *   the planner, which then picks one index probe per member; at 100,000 members that alone costs seconds.
 * - a subtree: a recursive CTE down from its root (the cost grows with the subtree, not the team).
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { subtreeCte } from "@/server/services/tree/subtree";

export interface RollupSqlRow {
  id: string;
  parentId: string | null;
  depth: number;
  name: string;
  role: string;
  share: number | null;
  teamShare: number | null;
  periodActual: number;
  toDateActual: number;
  windowActual: number;
}

export interface RollupRowsArgs {
  teamId: string;
  rootId: string;
  /** True when the root has no upline: the subtree is the whole team. */
  wholeTeam: boolean;
  goalId: string;
  metricId: string;
  start: IsoDate;
  goalAsOf: IsoDate;
  period: { from: IsoDate; asOf: IsoDate };
  windowFrom: IsoDate;
}

export async function readRollupRows(db: DbClient, args: RollupRowsArgs): Promise<RollupSqlRow[]> {
  return args.wholeTeam ? readWholeTeam(db, args) : readSubtree(db, args);
}

const actuals = (args: RollupRowsArgs) => Prisma.sql`
  COALESCE(SUM(dt.total) FILTER (WHERE dt.day >= ${args.period.from}::date AND dt.day <= ${args.period.asOf}::date), 0) AS period,
  COALESCE(SUM(dt.total), 0) AS to_date,
  COALESCE(SUM(dt.total) FILTER (WHERE dt.day >= ${args.windowFrom}::date), 0) AS win`;

async function readWholeTeam(db: DbClient, args: RollupRowsArgs): Promise<RollupSqlRow[]> {
  const rows = await db.$queryRaw<{ rows: string | null }[]>(Prisma.sql`
    WITH act AS (
      SELECT dt."membershipId", ${actuals(args)}
        FROM "DailyTotal" dt
       WHERE dt."teamId" = ${args.teamId} AND dt."metricId" = ${args.metricId}
         AND dt.day >= ${args.start}::date AND dt.day <= ${args.goalAsOf}::date
       GROUP BY dt."membershipId"
    )
    SELECT json_agg(json_build_array(m.id, m."parentId", 0, u.name, m.role, mt.personal, mt.team,
                                     COALESCE(a.period, 0), COALESCE(a.to_date, 0), COALESCE(a.win, 0)) ORDER BY m.id)::text AS rows
      FROM "Membership" m
      JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "MemberTarget" mt ON mt."goalId" = ${args.goalId} AND mt."membershipId" = m.id
      LEFT JOIN act a ON a."membershipId" = m.id
     WHERE m."teamId" = ${args.teamId} AND m.status = 'ACTIVE'`);
  return depthOrder(parseRows(rows[0]?.rows ?? null), args.rootId);
}

type JsonRow = [string, string | null, number, string, string, number | null, number | null, number, number, number];

/**
 * Rows travel as one JSON text (arrays, not objects): decoding 100,000 rows × 10 columns through the driver costs
 * several times more CPU in Node than one JSON.parse (measured in docs/PERFORMANCE.md).
 */
function parseRows(json: string | null): RollupSqlRow[] {
  if (!json) return [];
  return (JSON.parse(json) as JsonRow[]).map((r) => ({
    id: r[0],
    parentId: r[1],
    depth: r[2],
    name: r[3],
    role: r[4],
    share: r[5],
    teamShare: r[6],
    periodActual: r[7],
    toDateActual: r[8],
    windowActual: r[9],
  }));
}

/**
 * Keeps the root's descendants (a team could hold a second detached root) in (depth, id) order: rows come sorted
 * by id, a breadth-first walk gives each its depth, a counting sort by depth keeps the id order inside a depth.
 */
function depthOrder(rows: RollupSqlRow[], rootId: string): RollupSqlRow[] {
  const childrenOf = new Map<string, number[]>();
  let root = -1;
  rows.forEach((r, i) => {
    if (r.id === rootId) root = i;
    if (r.parentId === null) return;
    const list = childrenOf.get(r.parentId);
    if (list) list.push(i);
    else childrenOf.set(r.parentId, [i]);
  });
  if (root < 0) return [];
  const depth = new Int32Array(rows.length).fill(-1);
  depth[root] = 0;
  const queue = [root];
  let maxDepth = 0;
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    for (const c of childrenOf.get(rows[i]!.id) ?? []) {
      if (depth[c] !== -1) continue;
      depth[c] = depth[i]! + 1;
      if (depth[c]! > maxDepth) maxDepth = depth[c]!;
      queue.push(c);
    }
  }
  const buckets: RollupSqlRow[][] = Array.from({ length: maxDepth + 1 }, () => []);
  rows.forEach((r, i) => {
    if (depth[i]! < 0) return;
    r.depth = depth[i]!;
    buckets[r.depth]!.push(r);
  });
  return buckets.flat();
}

async function readSubtree(db: DbClient, args: RollupRowsArgs): Promise<RollupSqlRow[]> {
  const rows = await db.$queryRaw<{ rows: string | null }[]>(Prisma.sql`${subtreeCte({ teamId: args.teamId, rootId: args.rootId })},
    act AS (
      SELECT dt."membershipId", ${actuals(args)}
        FROM "DailyTotal" dt
        JOIN down ON down.id = dt."membershipId"
       WHERE dt."metricId" = ${args.metricId} AND dt.day >= ${args.start}::date AND dt.day <= ${args.goalAsOf}::date
       GROUP BY dt."membershipId"
    )
    SELECT json_agg(json_build_array(d.id, d."parentId", d.depth, u.name, m.role, mt.personal, mt.team,
                                     COALESCE(a.period, 0), COALESCE(a.to_date, 0), COALESCE(a.win, 0)) ORDER BY d.depth, d.id)::text AS rows
      FROM down d
      JOIN "Membership" m ON m.id = d.id
      JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "MemberTarget" mt ON mt."goalId" = ${args.goalId} AND mt."membershipId" = d.id
      LEFT JOIN act a ON a."membershipId" = d.id`);
  return parseRows(rows[0]?.rows ?? null);
}

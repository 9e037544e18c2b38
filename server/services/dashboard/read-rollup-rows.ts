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
import { addDays, type IsoDate } from "@/server/domain/calendar";
import { subtreeCte } from "@/server/services/tree/subtree";

export interface RollupSqlRow {
  id: string;
  parentId: string | null;
  /** The parent's position in the returned rows, when the read knows it (−1 for the root); saves a map by id. */
  parentIndex?: number;
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
  /** The goal's last day (GoalActual covers start..deadline). */
  deadline: IsoDate;
  period: { from: IsoDate; asOf: IsoDate };
  windowFrom: IsoDate;
}

export async function readRollupRows(db: DbClient, args: RollupRowsArgs): Promise<RollupSqlRow[]> {
  return args.wholeTeam ? readWholeTeam(db, args) : readSubtree(db, args);
}

/**
 * Actuals per member from two sources (one query either way):
 * - GoalActual: the member's total over the goal's whole date range, kept exact by triggers on DailyTotal;
 * - DailyTotal rows from the earliest of the period and run-rate window to the deadline only: the period and window
 *   sums, and whatever lies after the goal's as-of day (normally nothing), which goal-to-date subtracts.
 * For the "goal to date" period the period sum is goal-to-date itself, so only the window's days are read.
 */
function recentActuals(args: RollupRowsArgs, members: Prisma.Sql): Prisma.Sql {
  const goalPeriod = args.period.from === args.start && args.period.asOf === args.goalAsOf;
  const dayAfterAsOf = addDays(args.goalAsOf, 1);
  let from = args.windowFrom < dayAfterAsOf ? args.windowFrom : dayAfterAsOf;
  if (!goalPeriod && args.period.from < from) from = args.period.from;
  if (from < args.start) from = args.start;
  return Prisma.sql`
    act AS (
      SELECT dt."membershipId",
             ${goalPeriod ? Prisma.sql`0::bigint` : Prisma.sql`SUM(dt.total) FILTER (WHERE dt.day >= ${args.period.from}::date AND dt.day <= ${args.period.asOf}::date)`} AS period,
             SUM(dt.total) FILTER (WHERE dt.day >= ${args.windowFrom}::date AND dt.day <= ${args.goalAsOf}::date) AS win,
             SUM(dt.total) FILTER (WHERE dt.day > ${args.goalAsOf}::date) AS after
        FROM "DailyTotal" dt
        ${members}
         AND dt."metricId" = ${args.metricId} AND dt.day >= ${from}::date AND dt.day <= ${args.deadline}::date
       GROUP BY dt."membershipId"
    )`;
}

/** The member's line of text (see `parseRows`); `ga` is GoalActual, `a` the recent days, `mt` MemberTarget. */
function rowText(args: RollupRowsArgs, m: { id: Prisma.Sql; parentId: Prisma.Sql; depth: Prisma.Sql }): Prisma.Sql {
  const goalPeriod = args.period.from === args.start && args.period.asOf === args.goalAsOf;
  const toDate = Prisma.sql`(COALESCE(ga.total, 0) - COALESCE(a.after, 0))::text`;
  const period = goalPeriod ? toDate : Prisma.sql`COALESCE(a.period, 0)::text`;
  return Prisma.sql`${m.id} || ',' || COALESCE(${m.parentId}, '') || ',' || ${m.depth}::text || ',' || m.role::text || ',' ||
    COALESCE(mt.personal::text, '') || ',' || COALESCE(mt.team::text, '') || ',' || ${period} || ',' || ${toDate} || ',' ||
    COALESCE(a.win, 0)::text || ',' || to_json(u.name)::text`;
}

async function readWholeTeam(db: DbClient, args: RollupRowsArgs): Promise<RollupSqlRow[]> {
  const rows = await db.$queryRaw<{ rows: string | null }[]>(Prisma.sql`
    WITH ${recentActuals(args, Prisma.sql`WHERE dt."teamId" = ${args.teamId}`)}
    SELECT string_agg(${rowText(args, { id: Prisma.sql`m.id`, parentId: Prisma.sql`m."parentId"`, depth: Prisma.sql`0` })}, E'\n'
                      ORDER BY m.id COLLATE "C") AS rows
      FROM "Membership" m
      JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "MemberTarget" mt ON mt."goalId" = ${args.goalId} AND mt."membershipId" = m.id
      LEFT JOIN "GoalActual" ga ON ga."goalId" = ${args.goalId} AND ga."membershipId" = m.id
      LEFT JOIN act a ON a."membershipId" = m.id
     WHERE m."teamId" = ${args.teamId} AND m.status = 'ACTIVE'`);
  return depthOrder(parseRows(rows[0]?.rows ?? null), args.rootId);
}

/**
 * Rows travel as one text, a line per member: `id,parentId,depth,role,share,teamShare,period,toDate,window,"name"`
 * (the name last, JSON-quoted, so commas and line breaks in it are safe; ids and numbers never hold either).
 * Building it with `||` costs PostgreSQL about half what `json_build_array` per row does, and splitting it in Node
 * is cheaper than decoding rows through the driver or JSON.parse of arrays (docs/PERFORMANCE.md).
 */
function parseRows(text: string | null): RollupSqlRow[] {
  if (!text) return [];
  const out: RollupSqlRow[] = [];
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = n;
    const c1 = text.indexOf(",", pos);
    const c2 = text.indexOf(",", c1 + 1);
    const c3 = text.indexOf(",", c2 + 1);
    const c4 = text.indexOf(",", c3 + 1);
    const c5 = text.indexOf(",", c4 + 1);
    const c6 = text.indexOf(",", c5 + 1);
    const c7 = text.indexOf(",", c6 + 1);
    const c8 = text.indexOf(",", c7 + 1);
    const c9 = text.indexOf(",", c8 + 1);
    const name = text.slice(c9 + 1, end);
    out.push({
      id: text.slice(pos, c1),
      parentId: c2 === c1 + 1 ? null : text.slice(c1 + 1, c2),
      depth: +text.slice(c2 + 1, c3),
      role: text.slice(c3 + 1, c4),
      share: c5 === c4 + 1 ? null : +text.slice(c4 + 1, c5),
      teamShare: c6 === c5 + 1 ? null : +text.slice(c5 + 1, c6),
      periodActual: +text.slice(c6 + 1, c7),
      toDateActual: +text.slice(c7 + 1, c8),
      windowActual: +text.slice(c8 + 1, c9),
      // A name without escapes is its JSON text unquoted.
      name: name.includes("\\") ? (JSON.parse(name) as string) : name.slice(1, -1),
    });
    pos = end + 1;
  }
  return out;
}

/**
 * Keeps the root's descendants (a team could hold a second detached root) in (depth, id) order: rows come sorted by
 * id (`COLLATE "C"`, as in the subtree read), a breadth-first walk gives each its depth, a counting sort by depth
 * keeps the id order inside a depth. Linear; flat typed arrays, no array per parent (sorting the ids in Node cost
 * ~0.5 s at 100,000 members: they are slices of one big string).
 */
function depthOrder(rows: RollupSqlRow[], rootId: string): RollupSqlRow[] {
  const n = rows.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(rows[i]!.id, i);
  const root = index.get(rootId);
  if (root === undefined) return [];
  // Children as flat arrays (first child offset per row), no array per parent.
  const parent = new Int32Array(n);
  const first = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const pid = rows[i]!.parentId;
    const p = pid === null ? -1 : (index.get(pid) ?? -1);
    parent[i] = p;
    if (p >= 0) first[p + 1]! += 1;
  }
  for (let i = 0; i < n; i++) first[i + 1]! += first[i]!;
  const next = first.slice(0, n);
  const kids = new Int32Array(first[n]!);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) kids[next[parent[i]!]!++] = i;
  // Breadth first from the root: the queue holds each depth after the one above it.
  const depth = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  depth[root] = 0;
  queue[0] = root;
  let tail = 1;
  for (let q = 0; q < tail; q++) {
    const i = queue[q]!;
    for (let k = first[i]!; k < first[i + 1]!; k++) {
      const c = kids[k]!;
      if (depth[c] !== -1) continue;
      depth[c] = depth[i]! + 1;
      queue[tail++] = c;
    }
  }
  // Rows came sorted by id: a counting sort by depth keeps that order inside each depth.
  const perDepth = new Int32Array(n + 1);
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    const d = depth[i]!;
    if (d < 0) continue;
    perDepth[d + 1]! += 1;
    if (d > maxDepth) maxDepth = d;
  }
  for (let d = 0; d <= maxDepth; d++) perDepth[d + 1]! += perDepth[d]!;
  const out = new Array<RollupSqlRow>(tail);
  const position = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const d = depth[i]!;
    if (d < 0) continue;
    const r = rows[i]!;
    r.depth = d;
    position[i] = perDepth[d]!;
    out[perDepth[d]!++] = r;
  }
  for (let i = 0; i < n; i++) if (depth[i]! >= 0) rows[i]!.parentIndex = i === root ? -1 : position[parent[i]!]!;
  return out;
}

async function readSubtree(db: DbClient, args: RollupRowsArgs): Promise<RollupSqlRow[]> {
  const rows = await db.$queryRaw<{ rows: string | null }[]>(Prisma.sql`${subtreeCte({ teamId: args.teamId, rootId: args.rootId })},
    ${recentActuals(args, Prisma.sql`JOIN down ON down.id = dt."membershipId" WHERE TRUE`)}
    SELECT string_agg(${rowText(args, { id: Prisma.sql`d.id`, parentId: Prisma.sql`d."parentId"`, depth: Prisma.sql`d.depth` })}, E'\n'
                      ORDER BY d.depth, d.id COLLATE "C") AS rows
      FROM down d
      JOIN "Membership" m ON m.id = d.id
      JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "MemberTarget" mt ON mt."goalId" = ${args.goalId} AND mt."membershipId" = d.id
      LEFT JOIN "GoalActual" ga ON ga."goalId" = ${args.goalId} AND ga."membershipId" = d.id
      LEFT JOIN act a ON a."membershipId" = d.id`);
  return parseRows(rows[0]?.rows ?? null);
}

/**
 * The roll-up read (dashboard and weekly review): the rows of a goal's roll-up, in ONE SQL query whatever the tree size: every member of the subtree with name,
 * role, goal share (the goal's split, read once: `splitValue`) and actuals (DailyTotal summed per member for the period, goal-to-date and the
 * run-rate window), ordered root first, then by depth and id (children always after their upline).
 * Removed members whose history is in the goal (a target or an actual) are rows too, role LEFT, under the upline
 * they had when they left (`Membership.formerParentId`): their past actuals stay in that branch's totals.
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
import type { MemberProgress } from "@/server/domain/rollup";

/** A removed member's row has role `LEFT_ROLE` (server/domain/rollup.ts), the literal 'LEFT' in rowText's SQL. */
import { levelOrder } from "@/server/domain/tree";
import { subtreeCte } from "@/server/queries/tree";
import { col, mappedRows, queryFirst } from "./decode";
import { joinSlotTargets, slotBytes, slotPersonal, splitValue } from "./goal-split";

/** One member's row: id, upline (and its position when known), depth, name, role, share and actuals. */
export type RollupSqlRow = MemberProgress;

/** The one column the read returns: every member's line of text (see `parseRows`), parsed on the hot path. */
const rollupText = mappedRows("rollup.rows", (row) => parseRows(col.stringOrNull(row, "rows")));

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

/**
 * The member's line of text (see `parseRows`); `ga` is GoalActual, `a` the recent days, `mt` the member's targets cut from the split. A removed
 * member counted under their former upline (`former`) has the role LEFT.
 */
function rowText(args: RollupRowsArgs, m: { id: Prisma.Sql; parentId: Prisma.Sql; depth: Prisma.Sql }): Prisma.Sql {
  const goalPeriod = args.period.from === args.start && args.period.asOf === args.goalAsOf;
  const toDate = Prisma.sql`(COALESCE(ga.total, 0) - COALESCE(a.after, 0))::text`;
  const period = goalPeriod ? toDate : Prisma.sql`COALESCE(a.period, 0)::text`;
  return Prisma.sql`${m.id} || ',' || COALESCE(${m.parentId}, '') || ',' || ${m.depth}::text || ',' ||
    CASE WHEN m.status = 'ACTIVE' THEN m.role::text ELSE 'LEFT' END || ',' ||
    COALESCE(mt.personal::text, '') || ',' || COALESCE(mt.team::text, '') || ',' || ${period} || ',' || ${toDate} || ',' ||
    COALESCE(a.win, 0)::text || ',' || to_json(u.name)::text`;
}

async function readWholeTeam(db: DbClient, args: RollupRowsArgs): Promise<RollupSqlRow[]> {
  const rows = await queryFirst(
    db,
    rollupText,
    Prisma.sql`
    WITH ${recentActuals(args, Prisma.sql`WHERE dt."teamId" = ${args.teamId}`)}
    SELECT string_agg(${rowText(args, { id: Prisma.sql`m.id`, parentId: Prisma.sql`COALESCE(m."parentId", m."formerParentId")`, depth: Prisma.sql`0` })}, E'\n'
                      ORDER BY m.id COLLATE "C") AS rows
      FROM "Membership" m
      JOIN "User" u ON u.id = m."userId"
      ${joinSlotTargets(args.goalId, Prisma.sql`m.slot`)}
      LEFT JOIN "GoalActual" ga ON ga."goalId" = ${args.goalId} AND ga."membershipId" = m.id
      LEFT JOIN act a ON a."membershipId" = m.id
     WHERE m."teamId" = ${args.teamId}
       AND (m.status = 'ACTIVE' OR (m."formerParentId" IS NOT NULL AND (mt.personal IS NOT NULL OR ga."membershipId" IS NOT NULL)))`,
  );
  return depthOrder(rows ?? [], args.rootId);
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
 * id (`COLLATE "C"`, as in the subtree read) and `levelOrder` keeps that order inside a depth. Linear (sorting the
 * ids in Node cost ~0.5 s at 100,000 members: they are slices of one big string).
 */
function depthOrder(rows: RollupSqlRow[], rootId: string): RollupSqlRow[] {
  const { order, depth, parent } = levelOrder(
    rows.map((r) => r.id),
    rows.map((r) => r.parentId),
    rootId,
  );
  const position = new Int32Array(rows.length);
  const out = new Array<RollupSqlRow>(order.length);
  order.forEach((i, at) => {
    const r = rows[i]!;
    r.depth = depth[i]!;
    r.parentIndex = at === 0 ? -1 : position[parent[i]!]!;
    position[i] = at;
    out[at] = r;
  });
  return out;
}

/**
 * `kept`: the subtree (`down`) and the removed members counted under someone in it — their history stays in the totals
 * of their former upline's branch (`Membership.formerParentId`, docs/PLANNING.md "Targets follow the tree") — when
 * they have a target or an actual in this goal. One level below their former upline, so parents still come first.
 */
function formerMembers(args: RollupRowsArgs): Prisma.Sql {
  return Prisma.sql`
    kept AS (
      SELECT id, "parentId", depth FROM down
      UNION ALL
      SELECT g.id, g."formerParentId", d.depth + 1
        FROM "Membership" g
        JOIN down d ON d.id = g."formerParentId"
       WHERE g."teamId" = ${args.teamId} AND g.status = 'REMOVED'
         AND (${slotPersonal(slotBytes(splitValue(args.goalId), Prisma.sql`g.slot`))} IS NOT NULL
              OR EXISTS (SELECT 1 FROM "GoalActual" y WHERE y."goalId" = ${args.goalId} AND y."membershipId" = g.id))
    )`;
}

async function readSubtree(db: DbClient, args: RollupRowsArgs): Promise<RollupSqlRow[]> {
  const rows = await queryFirst(
    db,
    rollupText,
    Prisma.sql`${subtreeCte({ teamId: args.teamId, rootId: args.rootId })},
    ${formerMembers(args)},
    ${recentActuals(args, Prisma.sql`JOIN kept ON kept.id = dt."membershipId" WHERE TRUE`)}
    SELECT string_agg(${rowText(args, { id: Prisma.sql`d.id`, parentId: Prisma.sql`d."parentId"`, depth: Prisma.sql`d.depth` })}, E'\n'
                      ORDER BY d.depth, d.id COLLATE "C") AS rows
      FROM kept d
      JOIN "Membership" m ON m.id = d.id
      JOIN "User" u ON u.id = m."userId"
      ${joinSlotTargets(args.goalId, Prisma.sql`m.slot`)}
      LEFT JOIN "GoalActual" ga ON ga."goalId" = ${args.goalId} AND ga."membershipId" = d.id
      LEFT JOIN act a ON a."membershipId" = d.id`,
  );
  return rows ?? [];
}

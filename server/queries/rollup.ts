/**
 * The roll-up read (dashboard and weekly review): the rows of a goal's roll-up, in ONE SQL query whatever the tree
 * size: every member of the subtree with name, role, goal share (the goal's split, read once and cut by slot in Node)
 * and actuals (goal-to-date from GoalActual, DailyTotal summed per member for the period and the run-rate window),
 * ordered root first, then by depth and slot (join order; children always after their upline).
 * Removed members whose history is in the goal (a target or an actual) are rows too, role LEFT, under the upline
 * they had when they left (`Membership.formerParentId`): their past actuals stay in that branch's totals.
 *
 * Rows travel as a few columns, each ONE value for the whole read (ids, uplines, roles and names as texts split
 * once, the numbers as 32 bytes a member), with no ordering in SQL: the order is made in Node in linear time
 * (`treeRows`). Measured at 100,000 members (docs/PERFORMANCE.md, "The roll-up read in columns"): a line of text per
 * member sorted by id cost PostgreSQL ~410 ms, the columns ~220 ms, and Node's parsing and ordering fell likewise.
 *
 * Two feeds, chosen by measurement:
 * - the whole team (the root has no upline): no recursion — the team's members, targets and aggregates are read with
 *   set-based hash joins. A recursive CTE's row count is unknown to the planner, which then picks one index probe
 *   per member; at 100,000 members that alone costs seconds.
 * - a subtree: a recursive CTE down from its root (the cost grows with the subtree, not the team).
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import { ABSENT, SLOT_BYTES, splitReader } from "@/server/domain/goal-split";
import { LEFT_ROLE, type MemberProgress } from "@/server/domain/rollup";
import { levelOrderOf } from "@/server/domain/tree";
import { slotBytes, splitHex } from "@/server/queries/goal-split";
import { subtreeCte } from "@/server/queries/tree";
import { col, mappedRows, queryRows } from "./decode";
import { aggregateNames, splitColumn, splitNames } from "./name-column";

/** One member's row: id, upline and its position, depth, name, role, share and actuals. */
export type RollupSqlRow = MemberProgress;

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

/** A removed member's role in the read's roles column (`LEFT_ROLE`, server/domain/rollup.ts). */
const ROLE = Prisma.sql`CASE WHEN m.status = 'ACTIVE' THEN m.role::text ELSE ${LEFT_ROLE} END`;

/**
 * The goal's sums each member has, big-endian float8 (PostgreSQL's float8send; exact below 2^53, which a total in minor
 * units never nears): GoalActual's total (8 bytes), the recent days' period, window and after (24).
 */
const GOAL_BYTES = 8;
/** A member not in the goal, as the split stores it (personal ABSENT, team 0): for a slot past the split's end. */
const ABSENT_SLOT = (() => {
  const bytes = new Uint8Array(SLOT_BYTES);
  new DataView(bytes.buffer).setInt32(0, ABSENT, false);
  return Prisma.sql`decode(${splitHex(bytes)}, 'hex')`;
})();
const RECENT_BYTES = 24;

interface RollupColumns {
  ids: string | null;
  uplines: string | null;
  roles: string | null;
  names: string | null;
  slots: string | null;
  goalIds: string | null;
  goalTotals: Uint8Array | null;
  recentIds: string | null;
  recentSums: Uint8Array | null;
  split: Uint8Array | null;
  /** A branch's read: each member's 8 bytes of the split, in the members' order (`split` is then null). */
  shares: Uint8Array | null;
}

const bytesOrNull = (r: Record<string, unknown>, key: string) => (r[key] === null ? null : col.bytes(r, key));

const rollupColumns = mappedRows("rollup.columns", (r): RollupColumns => ({
  ids: col.stringOrNull(r, "ids"),
  uplines: col.stringOrNull(r, "uplines"),
  roles: col.stringOrNull(r, "roles"),
  names: col.stringOrNull(r, "names"),
  slots: col.stringOrNull(r, "slots"),
  goalIds: col.stringOrNull(r, "goalIds"),
  goalTotals: bytesOrNull(r, "goalTotals"),
  recentIds: col.stringOrNull(r, "recentIds"),
  recentSums: bytesOrNull(r, "recentSums"),
  split: bytesOrNull(r, "split"),
  shares: bytesOrNull(r, "shares"),
}));

/**
 * The read's one statement: three feeds, each aggregated into a few columns (one value each for the whole read) —
 * the members (`members`, aliased `m`, with their upline as `up`: ids, uplines, roles, names, slots), their GoalActual
 * rows (`goalActuals`, aliased `ga`) and their recent days (`act`) — plus the goal's split: the whole team's once
 * (shares are cut from it by slot in Node, `splitReader`), or a branch's members' own 8 bytes each, in their order.
 * The members' sums are matched to them by id in Node, where a lookup costs less than PostgreSQL's hash joins and
 * per-row bytes (docs/PERFORMANCE.md, "The roll-up read in columns").
 */
function columnsQuery(
  args: RollupRowsArgs,
  ctes: Prisma.Sql,
  members: Prisma.Sql,
  goalActuals: Prisma.Sql,
  split: "whole" | "by member",
) {
  // The goal's split: whole (the team: every slot is read), or each member's 8 bytes cut in SQL, in the members'
  // order (a branch). The split of a 100,000-member team is 800 KB: sending it cost every small read ~20–30 ms, and
  // even reading it whole in SQL 5–12 ms; a cut from the stored value (`substring`, uncompressed: one TOAST chunk)
  // costs ~3 µs a member (965 members +3 ms, 8,982 +17 ms, measured in psql).
  const byMember = split === "by member";
  const splitNow = Prisma.sql`(SELECT split FROM "GoalSplit" WHERE "goalId" = ${args.goalId})`;
  const shares = byMember
    ? Prisma.sql`string_agg(COALESCE(NULLIF(${slotBytes(splitNow, Prisma.sql`m.slot`)}, ''::bytea), ${ABSENT_SLOT}), ''::bytea)`
    : Prisma.sql`NULL::bytea`;
  return Prisma.sql`${ctes},
    f AS (
      SELECT string_agg(m.id, ',') AS ids, string_agg(COALESCE(m.up, ''), ',') AS uplines,
             string_agg(${ROLE}, ',') AS roles, ${aggregateNames(Prisma.sql`u.name`)} AS names,
             string_agg(m.slot::text, ',') AS slots, ${shares} AS shares
        FROM ${members}
        JOIN "User" u ON u.id = m."userId"
    ),
    g AS (
      SELECT string_agg(ga."membershipId", ',') AS "goalIds", string_agg(float8send(ga.total::float8), ''::bytea) AS "goalTotals"
        FROM ${goalActuals}
       WHERE ga."goalId" = ${args.goalId}
    ),
    r AS (
      SELECT string_agg("membershipId", ',') AS "recentIds",
             string_agg(float8send(COALESCE(period, 0)::float8) || float8send(COALESCE(win, 0)::float8)
                        || float8send(COALESCE(after, 0)::float8), ''::bytea) AS "recentSums"
        FROM act
    )
    SELECT f.*, g.*, r.*,
           ${byMember ? Prisma.sql`NULL::bytea` : splitNow} AS split
      FROM f, g, r`;
}

async function readWholeTeam(db: DbClient, args: RollupRowsArgs): Promise<RollupSqlRow[]> {
  const [c] = await queryRows(
    db,
    rollupColumns,
    columnsQuery(
      args,
      Prisma.sql`WITH ${recentActuals(args, Prisma.sql`WHERE dt."teamId" = ${args.teamId}`)}`,
      Prisma.sql`(SELECT id, "userId", status, role, slot, COALESCE("parentId", "formerParentId") AS up
                    FROM "Membership"
                   WHERE "teamId" = ${args.teamId} AND (status = 'ACTIVE' OR "formerParentId" IS NOT NULL)) m`,
      Prisma.sql`"GoalActual" ga`,
      "whole",
    ),
  );
  return c ? treeRows(c, args) : [];
}

/**
 * The rows of the read's columns under `rootId`, parents first: by depth, then by slot (join order; the same for the
 * whole team and a subtree, so a branch cut from the whole team lists as its own read). A removed member is kept only
 * with history in the goal (a share in the split, or a GoalActual row) and only when their former upline is in the
 * tree. Linear: one map of the ids resolves uplines and sums, slots are small integers (placed, never compared), and
 * the depth order is made on positions (`levelOrderOf`).
 */
function treeRows(c: RollupColumns, args: RollupRowsArgs): RollupSqlRow[] {
  if (!c.ids) return [];
  const ids = c.ids.split(",");
  const n = ids.length;
  const column = (text: string | null, name: string) =>
    splitColumn(text, ",", n, { read: "rollup.columns", column: name });
  const uplines = column(c.uplines, "uplines");
  const roles = column(c.roles, "roles");
  const slots = column(c.slots, "slots").map(Number);
  const names = splitNames(c.names, n, "rollup.columns");
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(ids[i]!, i);

  // Goal to date (GoalActual minus what lies after the as-of day), the period and the window, by member.
  const hasGoal = new Uint8Array(n);
  const toDate = new Float64Array(n);
  const period = new Float64Array(n);
  const win = new Float64Array(n);
  const sums = (text: string | null, bytes: Uint8Array | null, size: number, each: (i: number, at: number) => void) => {
    const list = text ? text.split(",") : [];
    const length = bytes?.length ?? 0;
    if (length !== list.length * size) throw new Error("rollup.columns: the sums have different lengths");
    for (let k = 0; k < list.length; k++) {
      const i = index.get(list[k]!);
      if (i !== undefined) each(i, k * size);
    }
  };
  const view = (b: Uint8Array | null) => (b ? new DataView(b.buffer, b.byteOffset, b.byteLength) : null);
  const goal = view(c.goalTotals);
  sums(c.goalIds, c.goalTotals, GOAL_BYTES, (i, at) => {
    hasGoal[i] = 1;
    toDate[i] = goal!.getFloat64(at);
  });
  const recent = view(c.recentSums);
  sums(c.recentIds, c.recentSums, RECENT_BYTES, (i, at) => {
    period[i] = recent!.getFloat64(at);
    win[i] = recent!.getFloat64(at + 8);
    toDate[i]! -= recent!.getFloat64(at + 16);
  });
  const goalPeriod = args.period.from === args.start && args.period.asOf === args.goalAsOf;

  // Keep the active, and the removed with history in the goal; in slot order.
  // Shares by slot (the whole split) or by position (a branch's members' own bytes).
  if (c.shares && c.shares.length !== n * SLOT_BYTES) throw new Error("rollup.columns: shares for other members");
  const split = splitReader(c.shares ?? c.split ?? new Uint8Array(0));
  const shareKey = c.shares ? (i: number) => i : (i: number) => slots[i]!;
  let maxSlot = -1;
  for (let i = 0; i < n; i++) if (slots[i]! > maxSlot) maxSlot = slots[i]!;
  const bySlot = new Int32Array(maxSlot + 1).fill(-1);
  for (let i = 0; i < n; i++) {
    if (roles[i] === LEFT_ROLE && hasGoal[i] === 0 && split.personal(shareKey(i)) === null) continue;
    bySlot[slots[i]!] = i;
  }
  const kept: number[] = [];
  const keptAt = new Int32Array(n).fill(-1);
  for (let s = 0; s <= maxSlot; s++) {
    const i = bySlot[s]!;
    if (i < 0) continue;
    keptAt[i] = kept.length;
    kept.push(i);
  }
  const root = keptAt[index.get(args.rootId) ?? n] ?? -1;
  if (root < 0) return [];
  const uplineAt = new Int32Array(kept.length);
  for (let k = 0; k < kept.length; k++) uplineAt[k] = keptAt[index.get(uplines[kept[k]!]!) ?? n] ?? -1;

  const { order, depth, parent } = levelOrderOf(uplineAt, root);
  const at = new Int32Array(kept.length);
  const out = new Array<RollupSqlRow>(order.length);
  for (let o = 0; o < order.length; o++) {
    const k = order[o]!;
    const i = kept[k]!;
    at[k] = o;
    const share = split.personal(shareKey(i));
    out[o] = {
      id: ids[i]!,
      // The root keeps its upline (outside the read; none for a team's root), as the page's "up" link needs.
      parentId: uplines[i] || null,
      parentIndex: o === 0 ? -1 : at[parent[k]!]!,
      depth: depth[k]!,
      name: names[i]!,
      role: roles[i]!,
      share,
      teamShare: share === null ? null : split.team(shareKey(i)),
      periodActual: goalPeriod ? toDate[i]! : period[i]!,
      toDateActual: toDate[i]!,
      windowActual: win[i]!,
    };
  }
  return out;
}

/**
 * `kept`: the subtree (`down`, walked with each member's columns) and the removed members whose former upline is in
 * it — their history stays in the totals of that branch (`Membership.formerParentId`, docs/PLANNING.md "Targets follow
 * the tree") when they have a target or an actual in this goal (`treeRows` keeps only those). One level below their
 * former upline. It has every column the members' feed reads, so no membership is probed twice.
 */
const formerMembers = (args: RollupRowsArgs) => Prisma.sql`
    kept AS (
      SELECT id, "parentId" AS up, "userId", status, role, slot FROM down
      UNION ALL
      SELECT g.id, g."formerParentId", g."userId", g.status, g.role, g.slot
        FROM "Membership" g
        JOIN down d ON d.id = g."formerParentId"
       WHERE g."teamId" = ${args.teamId} AND g.status = 'REMOVED'
    )`;

async function readSubtree(db: DbClient, args: RollupRowsArgs): Promise<RollupSqlRow[]> {
  const [c] = await queryRows(
    db,
    rollupColumns,
    columnsQuery(
      args,
      Prisma.sql`${subtreeCte({ teamId: args.teamId, rootId: args.rootId, withMember: true })},
        ${formerMembers(args)},
        ${recentActuals(args, Prisma.sql`JOIN kept ON kept.id = dt."membershipId" WHERE TRUE`)}`,
      Prisma.sql`kept m`,
      Prisma.sql`kept JOIN "GoalActual" ga ON ga."membershipId" = kept.id`,
      "by member",
    ),
  );
  return c ? treeRows(c, args) : [];
}

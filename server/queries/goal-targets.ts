/**
 * The goal's hand-written writes: a goal's targets and their history in bulk, one statement each whatever the team
 * size: rows travel as a few array parameters (array literals, pg-array.ts) and are expanded by `unnest` inside PostgreSQL. Prisma's createMany and a loop of updates
 * build one bound parameter per value (and one statement per updated row): at 100,000 members that took tens of
 * seconds. A whole-team recalculation's history is ONE row whatever the team size (`MemberChanges`), not a row per
 * member (docs/PERFORMANCE.md, "Cascade and re-plan"). Call inside the caller's transaction.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { col, execute, mappedRows, queryFirst } from "./decode";
import { decodeSplit, patchSplit, SLOT_BYTES } from "@/server/domain/goal-split";
import { treeBySlot } from "@/server/domain/tree";
import {
  goalOverrides,
  readGoalSplit,
  setOverrides,
  splitHex,
  teamSlots,
  writeGoalSplit,
  type OverrideRow,
} from "./goal-split";
import { pgIntArray, pgTextArray } from "./pg-array";
import * as clock from "@/server/clock";
import { sqlNow } from "@/server/queries/sql-now";

/**
 * Options for the transactions that write a whole team's targets: Prisma's default 5 s limit is too tight for a
 * 100,000-member publish on a busy machine.
 */
export const BULK_TRANSACTION = { timeout: 60_000, maxWait: 10_000 } as const;

/** Rows per statement: keeps a single bind message well under PostgreSQL's limits on huge teams. */
const CHUNK = 100_000;

/** A goal's targets by member, as parallel columns (element i belongs to membershipIds[i]). */
export interface TargetColumns {
  membershipIds: readonly string[];
  personal: readonly number[];
  team: readonly number[];
  /** Leader overrides; all null when omitted. */
  personalOverride?: readonly (number | null)[];
  teamOverride?: readonly (number | null)[];
}

/**
 * Every changed member's from → to of one recalculation, as parallel arrays. A null `personalFrom`/`teamFrom`
 * (the whole array, or one element) means the member had no target before (publish, joined since).
 */
export interface MemberChanges {
  membershipIds: readonly string[];
  personalFrom: readonly (number | null)[] | null;
  personalTo: readonly number[];
  teamFrom: readonly (number | null)[] | null;
  teamTo: readonly number[];
}

/**
 * The same, for a change that moves many members: the goal's split before (null: nothing, a publish) and after it,
 * as `writeMemberTargets` returns them. The members in the change are those whose 8 bytes differ.
 */
export interface SplitChange {
  before: Uint8Array | null;
  after: Uint8Array;
}

/**
 * Whether a change of `moved` members is recorded as the split before and after (`SplitChange`) rather than as
 * arrays: when it moves at least a quarter of the split's slots — then the bytes cost less to write and to store than
 * the arrays; a handful of members in a big team keeps the arrays (a few bytes instead of two whole splits).
 */
export function recordsAsSplits(moved: number, after: Uint8Array): boolean {
  return moved > 0 && moved * 4 >= after.length / SLOT_BYTES;
}

export interface TargetChangeRow {
  membershipId: string | null;
  field: string;
  fromValue: number | null;
  toValue: number | null;
  data: unknown;
}

/** `field` of the goal-level row that only carries a recalculation's member changes (no goal field changed). */
export const MEMBERS_ONLY_FIELD = "members";

async function inChunks(length: number, write: (from: number, to: number) => Promise<unknown>) {
  for (let i = 0; i < length; i += CHUNK) await write(i, Math.min(length, i + CHUNK));
}

/**
 * Writes members' targets into the goal's split (one row per goal, server/queries/goal-split.ts): the given members'
 * numbers over the stored split (`replace`: over nothing — publishing), one read and one write of the split whatever
 * the number of members. Overrides, when given, are written as rows where they changed (a handful). Members are
 * placed by slot (`at`, or the team's slots read here when not given).
 */
export async function writeMemberTargets(
  tx: DbClient,
  args: {
    goal: { id: string; teamId: string };
    columns: TargetColumns;
    replace?: boolean;
    /** The members' slots, element i for `columns.membershipIds[i]`, when the caller has them (publish's context). */
    at?: ArrayLike<number>;
  },
): Promise<SplitChange | null> {
  const c = args.columns;
  const n = c.membershipIds.length;
  if (n === 0 && !args.replace) return null;
  const [slots, stored, overrides] = await Promise.all([
    args.at ? Promise.resolve(undefined) : teamSlots(tx, args.goal.teamId),
    args.replace ? Promise.resolve(null) : readGoalSplit(tx, args.goal.id, { lock: true }),
    c.personalOverride || c.teamOverride ? goalOverrides(tx, args.goal.id) : Promise.resolve([]),
  ]);
  let at = args.at;
  if (!at || at.length !== n) {
    const found = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = slots?.slotOf.get(c.membershipIds[i]!);
      if (s === undefined) throw new Error(`Member ${c.membershipIds[i]} is not in the goal's team.`);
      found[i] = s;
    }
    at = found;
  }
  const after = patchSplit(stored?.split ?? null, { slots: at, personal: c.personal, team: c.team });
  await writeGoalSplit(tx, { goalId: args.goal.id, split: after });
  if (c.personalOverride || c.teamOverride) {
    const had = new Map(overrides.map((o) => [o.membershipId, o]));
    const changed: OverrideRow[] = [];
    for (let i = 0; i < n; i++) {
      const id = c.membershipIds[i]!;
      const personal = c.personalOverride?.[i] ?? null;
      const team = c.teamOverride?.[i] ?? null;
      const before = had.get(id);
      if ((before?.personal ?? null) !== personal || (before?.team ?? null) !== team) {
        changed.push({ membershipId: id, personal, team });
      }
    }
    if (changed.length > 0) await setOverrides(tx, { goalId: args.goal.id, rows: changed });
  }
  return { before: stored?.split ?? null, after };
}

/**
 * History rows share one timestamp (the transaction's); their ids keep the order they were given in (a random
 * prefix per call, then the position), so "newest first, then id descending" lists them as createMany did. The
 * first row — goal-level — carries `members` (every member's from → to) when given.
 */
export async function insertTargetChanges(
  tx: DbClient,
  args: {
    teamId: string;
    goalId: string;
    actorId: string | null;
    reason: string;
    rows: readonly TargetChangeRow[];
    members?: MemberChanges | SplitChange;
  },
): Promise<void> {
  const { rows } = args;
  const splits = args.members && "after" in args.members ? args.members : undefined;
  const members = args.members && !("after" in args.members) ? args.members : undefined;
  if (args.members && rows[0]?.membershipId !== null) throw new Error("Member changes ride on a goal-level row.");
  const prefix = `tc${clock.nowMs().toString(36)}${randomUUID().slice(0, 8)}`;
  await inChunks(rows.length, (from, to) => {
    const part = rows.slice(from, to);
    const first = from === 0 ? members : undefined;
    const firstSplits = from === 0 ? splits : undefined;
    return execute(
      tx,
      Prisma.sql`
      INSERT INTO "TargetChange" (id, "teamId", "goalId", "membershipId", "actorId", reason, field, "fromValue", "toValue", data,
                                  "membershipIds", "personalFrom", "personalTo", "teamFrom", "teamTo",
                                  "splitBefore", "splitAfter", "createdAt")
      SELECT ${prefix} || lpad((r.ord + ${from})::text, 9, '0'), ${args.teamId}, ${args.goalId}, r.m, ${args.actorId}, ${args.reason},
             r.f, r.fv, r.tv, r.d::jsonb,
             CASE WHEN r.ord = 1 THEN ${first ? pgTextArray(first.membershipIds) : null}::text[] END,
             CASE WHEN r.ord = 1 THEN ${first?.personalFrom ? pgIntArray(first.personalFrom) : null}::int[] END,
             CASE WHEN r.ord = 1 THEN ${first ? pgIntArray(first.personalTo) : null}::int[] END,
             CASE WHEN r.ord = 1 THEN ${first?.teamFrom ? pgIntArray(first.teamFrom) : null}::int[] END,
             CASE WHEN r.ord = 1 THEN ${first ? pgIntArray(first.teamTo) : null}::int[] END,
             CASE WHEN r.ord = 1 THEN decode(${firstSplits?.before ? splitHex(firstSplits.before) : null}, 'hex') END,
             CASE WHEN r.ord = 1 THEN decode(${firstSplits ? splitHex(firstSplits.after) : null}, 'hex') END,
             ${sqlNow()}
        FROM unnest(${part.map((r) => r.membershipId)}::text[], ${part.map((r) => r.field)}::text[],
                    ${part.map((r) => r.fromValue)}::int[], ${part.map((r) => r.toValue)}::int[],
                    ${part.map((r) => (r.data === undefined || r.data === null ? null : JSON.stringify(r.data)))}::text[])
             WITH ORDINALITY AS r(m, f, fv, tv, d, ord)
       ORDER BY r.ord`,
    );
  });
}

/**
 * After the tree's shape changes outside a re-split (the team is handed to another owner), the stored team targets
 * of `goalIds` become each member's own target plus their downline's again, over the tree as it is now: active
 * members under their upline, removed members under the upline they had (`formerParentId`, whose history still
 * counts there). Personal targets are untouched, so every goal's total stays what it was. Reads the tree once and
 * each goal's split once; sums in Node; writes each split that changed. Returns how many members' targets changed.
 * Rare (a transfer).
 */
export async function recomputeTeamTargets(
  db: DbClient,
  args: { teamId: string; goalIds: readonly string[] },
): Promise<number> {
  if (args.goalIds.length === 0) return 0;
  const tree = await teamTreeBySlot(db, args.teamId);
  let changed = 0;
  for (const goalId of args.goalIds) {
    const stored = await readGoalSplit(db, goalId, { lock: true });
    if (!stored) continue;
    const d = decodeSplit(stored.split);
    const size = tree.up.length;
    const own = new Float64Array(size);
    const has = new Uint8Array(size);
    for (let i = 0; i < d.slots.length; i++) {
      own[d.slots[i]!] = d.personal[i]!;
      has[d.slots[i]!] = 1;
    }
    // Subtree sums: children before parents (deepest first).
    const sum = Float64Array.from(own);
    for (let k = tree.order.length - 1; k >= 0; k--) {
      const s = tree.order[k]!;
      const up = tree.up[s]!;
      if (up >= 0) sum[up]! += sum[s]!;
    }
    const slots: number[] = [];
    const personal: number[] = [];
    const team: number[] = [];
    for (let i = 0; i < d.slots.length; i++) {
      const s = d.slots[i]!;
      if (sum[s] !== d.team[i]) {
        slots.push(s);
        personal.push(d.personal[i]!);
        team.push(sum[s]!);
      }
    }
    if (slots.length === 0) continue;
    changed += slots.length;
    await writeGoalSplit(db, { goalId, split: patchSplit(stored.split, { slots, personal, team }) });
  }
  return changed;
}

const treeRow = mappedRows("goalTargets.teamTree", (r) => ({
  slots: col.stringOrNull(r, "slots"),
  ups: col.stringOrNull(r, "ups"),
}));

/**
 * The team's tree by slot: `up[slot]` = the slot of the member it counts under (an active member's upline, a removed
 * member's former upline; -1 for none), and `order`, slots from the roots down (a parent before its children).
 */
async function teamTreeBySlot(db: DbClient, teamId: string): Promise<{ up: Int32Array; order: Int32Array }> {
  const r = await queryFirst(
    db,
    treeRow,
    Prisma.sql`
    SELECT string_agg(m.slot::text, ',' ORDER BY m.slot) AS slots,
           string_agg(COALESCE(p.slot, -1)::text, ',' ORDER BY m.slot) AS ups
      FROM "Membership" m
      LEFT JOIN "Membership" p ON p.id = CASE WHEN m.status = 'ACTIVE' THEN m."parentId" ELSE m."formerParentId" END
     WHERE m."teamId" = ${teamId}`,
  );
  return treeBySlot(r?.slots ? r.slots.split(",").map(Number) : [], r?.ups ? r.ups.split(",").map(Number) : []);
}

/**
 * A goal's split (GoalSplit, issue 21): ONE row per goal holding every member's personal and team target by member
 * slot (`Membership.slot`; the codec is server/domain/goal-split.ts), and hand-set targets as rows (TargetOverride,
 * only members a leader set one for). Whole-goal readers fetch the bytes once and decode them in Node (or, inside one
 * SQL statement, read them once through `splitValue` and cut each member's 8 bytes out with `slotPersonal` /
 * `slotTeam`); per-member readers cut the member's 8 bytes in SQL with `substring`, which fetches one TOAST chunk
 * (the column is stored uncompressed: STORAGE EXTERNAL). docs/PERFORMANCE.md, "A goal's split in one row".
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { decodeSplit } from "@/server/domain/goal-split";
import { col, execute, mappedRows, queryFirst, queryRows } from "./decode";
import { pgIntArray, pgTextArray } from "./pg-array";
import { sqlNow } from "./sql-now";

/**
 * A member's place in every goal's split, both ways: `ids[slot]` (undefined = no such slot) and `slotOf` (built on
 * first use: a re-plan that has every member's slot from its context never needs the 100,000-key map).
 */
export interface TeamSlots {
  ids: (string | undefined)[];
  readonly slotOf: Map<string, number>;
}

function slotsOf(ids: (string | undefined)[]): TeamSlots {
  let slotOf: Map<string, number> | undefined;
  return {
    ids,
    get slotOf() {
      if (!slotOf) {
        slotOf = new Map();
        for (let s = 0; s < ids.length; s++) if (ids[s] !== undefined) slotOf.set(ids[s]!, s);
      }
      return slotOf;
    },
  };
}

const slotsRow = mappedRows("goalSplit.teamSlots", (r) => ({
  ids: col.stringOrNull(r, "ids"),
  slots: col.stringOrNull(r, "slots"),
}));

/**
 * Every membership of the team (removed ones too: their targets stay in the split) with its slot, one query, as two
 * texts (100,000 members: ~40 ms in PostgreSQL, one string each instead of 100,000 rows through the driver).
 */
export async function teamSlots(db: DbClient, teamId: string): Promise<TeamSlots> {
  const r = await queryFirst(
    db,
    slotsRow,
    Prisma.sql`
    SELECT string_agg(id, ',' ORDER BY slot) AS ids,
           CASE WHEN COUNT(*) = MAX(slot) + 1 THEN 'dense' ELSE string_agg(slot::text, ',' ORDER BY slot) END AS slots
      FROM "Membership" WHERE "teamId" = ${teamId}`,
  );
  if (!r?.ids || !r.slots) return slotsOf([]);
  const idList: (string | undefined)[] = r.ids.split(",");
  // Slots are dense (0 … n-1) unless a membership row was ever hard-deleted: then the ids sit at their slots.
  if (r.slots === "dense") return slotsOf(idList);
  const ids: (string | undefined)[] = [];
  const slotList = r.slots.split(",");
  for (let i = 0; i < idList.length; i++) ids[Number(slotList[i])] = idList[i]!;
  return slotsOf(ids);
}

const splitRow = mappedRows("goalSplit.split", (r) => ({
  split: col.bytes(r, "split"),
  version: col.int(r, "version"),
}));

/** The goal's split bytes, or null before it is published. `lock`: FOR UPDATE (a writer's read-modify-write). */
export async function readGoalSplit(
  db: DbClient,
  goalId: string,
  opts: { lock?: boolean } = {},
): Promise<{ split: Uint8Array; version: number } | null> {
  return queryFirst(
    db,
    splitRow,
    Prisma.sql`SELECT split, version FROM "GoalSplit" WHERE "goalId" = ${goalId} ${opts.lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`,
  );
}

/** Writes (or replaces) the goal's split and bumps its version. Bound as hex text: one value, decoded by PostgreSQL. */
/** Split bytes as a query parameter: hex text, decoded in SQL (`decode(${splitHex(b)}, 'hex')`). */
export const splitHex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");

export async function writeGoalSplit(tx: DbClient, args: { goalId: string; split: Uint8Array }): Promise<void> {
  const hex = splitHex(args.split);
  await execute(
    tx,
    Prisma.sql`
    INSERT INTO "GoalSplit" ("goalId", split, "updatedAt") VALUES (${args.goalId}, decode(${hex}, 'hex'), ${sqlNow()})
    ON CONFLICT ("goalId") DO UPDATE
       SET split = EXCLUDED.split, version = "GoalSplit".version + 1, "updatedAt" = EXCLUDED."updatedAt"`,
  );
}

export interface OverrideRow {
  membershipId: string;
  personal: number | null;
  team: number | null;
}

const overrideRows = mappedRows("goalSplit.overrides", (r) => ({
  membershipId: col.string(r, "membershipId"),
  personal: col.intOrNull(r, "personal"),
  team: col.intOrNull(r, "team"),
}));

/** The goal's hand-set targets (a handful of rows). */
export function goalOverrides(db: DbClient, goalId: string): Promise<OverrideRow[]> {
  return queryRows(
    db,
    overrideRows,
    Prisma.sql`SELECT "membershipId", personal, team FROM "TargetOverride" WHERE "goalId" = ${goalId}`,
  );
}

/** Sets the given members' hand-set targets: rows with a value are upserted, rows with none are deleted. */
export async function setOverrides(tx: DbClient, args: { goalId: string; rows: readonly OverrideRow[] }) {
  const keep = args.rows.filter((r) => r.personal !== null || r.team !== null);
  const drop = args.rows.filter((r) => r.personal === null && r.team === null).map((r) => r.membershipId);
  if (drop.length > 0) {
    await execute(
      tx,
      Prisma.sql`DELETE FROM "TargetOverride" WHERE "goalId" = ${args.goalId} AND "membershipId" = ANY(${pgTextArray(drop)}::text[])`,
    );
  }
  if (keep.length > 0) {
    await execute(
      tx,
      Prisma.sql`
      INSERT INTO "TargetOverride" ("goalId", "membershipId", personal, team, "updatedAt")
      SELECT ${args.goalId}, r.m, r.p, r.t, ${sqlNow()}
        FROM unnest(${pgTextArray(keep.map((r) => r.membershipId))}::text[], ${pgIntArray(keep.map((r) => r.personal))}::int[],
                    ${pgIntArray(keep.map((r) => r.team))}::int[]) AS r(m, p, t)
      ON CONFLICT ("goalId", "membershipId") DO UPDATE
         SET personal = EXCLUDED.personal, team = EXCLUDED.team, "updatedAt" = EXCLUDED."updatedAt"`,
    );
  }
}

export interface GoalTargetRow {
  membershipId: string;
  /** The member's place in the split (`Membership.slot`). */
  slot: number;
  personal: number;
  team: number;
  personalOverride: number | null;
  teamOverride: number | null;
}

/**
 * Every targeted member of a goal with their numbers and overrides: the split read once and decoded in Node, the
 * ids of its slots, the overrides. Empty before publishing. The ids come from `slots` (the team's, read here when not
 * given) or, given `known` (ids by slot the caller already has — a re-plan's tree), from it plus one read of the
 * few slots it lacks (members who left since): no read of the whole team's 100,000 slots. `known` may still be on
 * its way (a promise): the split and the overrides are read meanwhile.
 */
export async function goalTargetRows(
  db: DbClient,
  goal: { id: string; teamId: string },
  ids?: TeamSlots | { known: readonly (string | undefined)[] | Promise<readonly (string | undefined)[]> },
): Promise<GoalTargetRow[]> {
  const [stored, overrides, team] = await Promise.all([
    readGoalSplit(db, goal.id),
    goalOverrides(db, goal.id),
    !ids ? teamSlots(db, goal.teamId) : "known" in ids ? Promise.resolve(ids.known).then((known) => ({ known })) : ids,
  ]);
  if (!stored) return [];
  const d = decodeSplit(stored.split);
  const idOf = "known" in team ? await completeIds(db, goal.teamId, team.known, d.slots) : team.ids;
  const ov = new Map(overrides.map((o) => [o.membershipId, o]));
  const rows: GoalTargetRow[] = [];
  for (let i = 0; i < d.slots.length; i++) {
    const id = idOf[d.slots[i]!];
    if (id === undefined) continue;
    const o = ov.get(id);
    rows.push({
      membershipId: id,
      slot: d.slots[i]!,
      personal: d.personal[i]!,
      team: d.team[i]!,
      personalOverride: o?.personal ?? null,
      teamOverride: o?.team ?? null,
    });
  }
  return rows;
}

const slotIdRows = mappedRows("goalSplit.slotIds", (r) => ({ id: col.string(r, "id"), slot: col.int(r, "slot") }));

/** `known` with the ids of the `wanted` slots it lacks, read in one query (none when it lacks none). */
async function completeIds(
  db: DbClient,
  teamId: string,
  known: readonly (string | undefined)[],
  wanted: ArrayLike<number>,
): Promise<readonly (string | undefined)[]> {
  const missing: number[] = [];
  for (let i = 0; i < wanted.length; i++) if (known[wanted[i]!] === undefined) missing.push(wanted[i]!);
  if (missing.length === 0) return known;
  const ids = [...known];
  for (const r of await queryRows(
    db,
    slotIdRows,
    Prisma.sql`SELECT id, slot FROM "Membership" WHERE "teamId" = ${teamId} AND slot = ANY(${pgIntArray(missing)}::int[])`,
  )) {
    ids[r.slot] = r.id;
  }
  return ids;
}

// ---- SQL fragments for statements that read targets in SQL -------------------------------------------------------

/** The int4 (big-endian) in the 4 bytes of `b` from byte `from` (1-based), or null past the end. */
const int4In = (b: Prisma.Sql, from: number) =>
  Prisma.sql`CASE WHEN length(${b}) >= ${Prisma.raw(String(from + 3))} THEN ('x' || encode(substring(${b} FROM ${Prisma.raw(String(from))} FOR 4), 'hex'))::bit(32)::int END`;

/**
 * A member's personal target from their 8 bytes `t` (`slotBytes`), null when they are not in the goal. Give it a
 * column computed once (a LATERAL or a subquery), not `slotBytes(...)` itself: each use of that re-reads the slice.
 */
export const slotPersonal = (t: Prisma.Sql) => Prisma.sql`NULLIF(${int4In(t, 1)}, -2147483648)`;
/** A member's team target from their 8 bytes `t`, null when they are not in the goal. */
export const slotTeam = (t: Prisma.Sql) =>
  Prisma.sql`CASE WHEN ${int4In(t, 1)} <> -2147483648 THEN ${int4In(t, 5)} END`;
/** The 8 bytes of `slot` in the split `split` (empty past the end). On the stored column: one TOAST chunk. */
export const slotBytes = (split: Prisma.Sql, slot: Prisma.Sql) =>
  Prisma.sql`substring(${split} FROM ${slot} * 8 + 1 FOR 8)`;
export interface MemberTargetRow {
  goalId: string;
  personal: number;
  team: number;
  personalOverride: number | null;
  teamOverride: number | null;
}

const memberTargetRows = mappedRows("goalSplit.memberTargets", (r) => ({
  goalId: col.string(r, "goalId"),
  personal: col.int(r, "personal"),
  team: col.int(r, "team"),
  personalOverride: col.intOrNull(r, "personalOverride"),
  teamOverride: col.intOrNull(r, "teamOverride"),
}));

/**
 * One member's targets in the given goals (those the member is in), one statement: the member's 8 bytes of each
 * goal's split (one TOAST chunk each) and their overrides.
 */
export async function memberTargets(
  db: DbClient,
  args: { membershipId: string; goalIds: readonly string[] },
): Promise<MemberTargetRow[]> {
  if (args.goalIds.length === 0) return [];
  return queryRows(
    db,
    memberTargetRows,
    Prisma.sql`
    SELECT x."goalId", x.personal, x.team, o.personal AS "personalOverride", o.team AS "teamOverride"
      FROM (SELECT gs."goalId", ${slotPersonal(Prisma.sql`s.t`)} AS personal, ${slotTeam(Prisma.sql`s.t`)} AS team
              FROM "Membership" m
              JOIN "GoalSplit" gs ON gs."goalId" = ANY(${pgTextArray(args.goalIds)}::text[])
              -- A slot means something in its own team's goals only: another team's goal never "targets" this member.
              JOIN "Goal" g ON g.id = gs."goalId" AND g."teamId" = m."teamId"
              CROSS JOIN LATERAL (SELECT ${slotBytes(Prisma.sql`gs.split`, Prisma.sql`m.slot`)} AS t OFFSET 0) s
             WHERE m.id = ${args.membershipId}) x
      LEFT JOIN "TargetOverride" o ON o."goalId" = x."goalId" AND o."membershipId" = ${args.membershipId}
     WHERE x.personal IS NOT NULL`,
  );
}

/** One member's targets in one goal, or null when they are not in it. */
export async function memberTarget(
  db: DbClient,
  args: { membershipId: string; goalId: string },
): Promise<MemberTargetRow | null> {
  return (await memberTargets(db, { membershipId: args.membershipId, goalIds: [args.goalId] }))[0] ?? null;
}

/** Of `goalIds`, those whose split targets the member (the "my goals" filters). */
export async function goalsTargeting(
  db: DbClient,
  args: { membershipId: string; goalIds: readonly string[] },
): Promise<Set<string>> {
  return new Set((await memberTargets(db, args)).map((r) => r.goalId));
}

/**
 * Every targeted member's personal target, by membership id (JavaScript's string order, the same on every
 * database): the shares a member's expected plan is cut from (replan-rest.ts).
 */
export async function goalShares(
  db: DbClient,
  goal: { id: string; teamId: string },
  slots?: TeamSlots,
): Promise<{ membershipId: string; personal: number }[]> {
  const rows = await goalTargetRows(db, goal, slots);
  return rows
    .map((r) => ({ membershipId: r.membershipId, personal: r.personal }))
    .sort((a, b) => (a.membershipId < b.membershipId ? -1 : a.membershipId > b.membershipId ? 1 : 0));
}

/**
 * A goal's split as ONE value inside a statement: a scalar subquery, which PostgreSQL runs once (an InitPlan) and
 * whose result is detoasted (`|| ''` forces it), so cutting 100,000 members' bytes out of it costs memory reads, not
 * TOAST fetches. NULL before publishing. (A CTE joined per member was measured 2.4 s at 100k: the planner rescanned
 * it for each member; this is ~60 ms.)
 */
export const splitValue = (goalId: string) =>
  Prisma.sql`(SELECT split || ''::bytea FROM "GoalSplit" WHERE "goalId" = ${goalId})`;

/**
 * `LEFT JOIN LATERAL … <alias>` giving `<alias>.personal` and `<alias>.team` (null when the member is not in the goal)
 * for the member whose slot is `slot`, cut from the goal's split read once (`splitValue`). In place of a per-member
 * join of a targets table.
 */
export const joinSlotTargets = (goalId: string, slot: Prisma.Sql, alias = "mt") =>
  Prisma.sql`LEFT JOIN LATERAL (SELECT ${slotPersonal(Prisma.sql`z.t`)} AS personal, ${slotTeam(Prisma.sql`z.t`)} AS team
                           FROM (SELECT ${slotBytes(splitValue(goalId), slot)} AS t) z) ${Prisma.raw(alias)} ON true`;

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
import { execute } from "./decode";
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

const texts = (xs: readonly string[], from: number, to: number) =>
  pgTextArray(from === 0 && to === xs.length ? xs : xs.slice(from, to));
/** Absent columns (no overrides) are all null. */
const ints = (xs: readonly (number | null)[] | undefined, from: number, to: number) =>
  xs
    ? pgIntArray(from === 0 && to === xs.length ? xs : xs.slice(from, to))
    : pgIntArray(new Array<null>(to - from).fill(null));

export async function insertMemberTargets(
  tx: DbClient,
  args: { goalId: string; columns: TargetColumns },
): Promise<void> {
  const c = args.columns;
  await inChunks(c.membershipIds.length, (from, to) =>
    execute(
      tx,
      Prisma.sql`
      INSERT INTO "MemberTarget" ("goalId", "membershipId", personal, team, "personalOverride", "teamOverride", "updatedAt")
      SELECT ${args.goalId}, r.m, r.p, r.t, r.po, r.tov, ${sqlNow()}
        FROM unnest(${texts(c.membershipIds, from, to)}::text[], ${ints(c.personal, from, to)}::int[], ${ints(c.team, from, to)}::int[],
                    ${ints(c.personalOverride, from, to)}::int[], ${ints(c.teamOverride, from, to)}::int[])
             AS r(m, p, t, po, tov)`,
    ),
  );
}

/**
 * Sets the numbers of existing targets (by goal and member) and bumps their version. No indexed column changes and
 * MemberTarget pages are half empty (fillfactor 50), so these are HOT updates: no index entries are written.
 */
export async function updateMemberTargets(
  tx: DbClient,
  args: { goalId: string; columns: TargetColumns },
): Promise<void> {
  const c = args.columns;
  await inChunks(c.membershipIds.length, (from, to) =>
    execute(
      tx,
      Prisma.sql`
      UPDATE "MemberTarget" AS mt
         SET personal = r.p, team = r.t, "personalOverride" = r.po, "teamOverride" = r.tov,
             version = mt.version + 1, "updatedAt" = ${sqlNow()}
        FROM unnest(${texts(c.membershipIds, from, to)}::text[], ${ints(c.personal, from, to)}::int[], ${ints(c.team, from, to)}::int[],
                    ${ints(c.personalOverride, from, to)}::int[], ${ints(c.teamOverride, from, to)}::int[])
             AS r(m, p, t, po, tov)
       WHERE mt."goalId" = ${args.goalId} AND mt."membershipId" = r.m`,
    ),
  );
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
    members?: MemberChanges;
  },
): Promise<void> {
  const { rows, members } = args;
  if (members && rows[0]?.membershipId !== null) throw new Error("Member changes ride on a goal-level row.");
  const prefix = `tc${clock.nowMs().toString(36)}${randomUUID().slice(0, 8)}`;
  await inChunks(rows.length, (from, to) => {
    const part = rows.slice(from, to);
    const first = from === 0 ? members : undefined;
    return execute(
      tx,
      Prisma.sql`
      INSERT INTO "TargetChange" (id, "teamId", "goalId", "membershipId", "actorId", reason, field, "fromValue", "toValue", data,
                                  "membershipIds", "personalFrom", "personalTo", "teamFrom", "teamTo", "createdAt")
      SELECT ${prefix} || lpad((r.ord + ${from})::text, 9, '0'), ${args.teamId}, ${args.goalId}, r.m, ${args.actorId}, ${args.reason},
             r.f, r.fv, r.tv, r.d::jsonb,
             CASE WHEN r.ord = 1 THEN ${first ? pgTextArray(first.membershipIds) : null}::text[] END,
             CASE WHEN r.ord = 1 THEN ${first?.personalFrom ? pgIntArray(first.personalFrom) : null}::int[] END,
             CASE WHEN r.ord = 1 THEN ${first ? pgIntArray(first.personalTo) : null}::int[] END,
             CASE WHEN r.ord = 1 THEN ${first?.teamFrom ? pgIntArray(first.teamFrom) : null}::int[] END,
             CASE WHEN r.ord = 1 THEN ${first ? pgIntArray(first.teamTo) : null}::int[] END,
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
 * counts there). Personal targets are untouched, so every goal's total stays what it was. ONE statement; returns how
 * many rows changed. Rare (a transfer), so it walks the tree rather than a stored closure.
 */
export async function recomputeTeamTargets(
  db: DbClient,
  args: { teamId: string; goalIds: readonly string[] },
): Promise<number> {
  if (args.goalIds.length === 0) return 0;
  return execute(
    db,
    Prisma.sql`
    WITH RECURSIVE below (root, node) AS (
      SELECT m.id, m.id FROM "Membership" m WHERE m."teamId" = ${args.teamId}
      UNION ALL
      SELECT b.root, c.id
        FROM below b
        JOIN "Membership" c
          ON (c.status = 'ACTIVE' AND c."parentId" = b.node)
          OR (c.status = 'REMOVED' AND c."formerParentId" = b.node)
    ), sums AS (
      SELECT t."goalId", b.root, SUM(t.personal)::int AS total
        FROM below b
        JOIN "MemberTarget" t ON t."membershipId" = b.node
       WHERE t."goalId" = ANY(${pgTextArray(args.goalIds)}::text[])
       GROUP BY t."goalId", b.root
    )
    UPDATE "MemberTarget" mt
       SET team = s.total, version = mt.version + 1, "updatedAt" = ${sqlNow()}
      FROM sums s
     WHERE mt."goalId" = s."goalId" AND mt."membershipId" = s.root AND mt.team <> s.total`,
  );
}

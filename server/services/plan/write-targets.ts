/**
 * Bulk writes of a goal's targets and their history, one statement each whatever the team size: rows travel as a
 * few array parameters and are expanded by `unnest` inside PostgreSQL. Prisma's createMany and a loop of updates
 * build one bound parameter per value (and one statement per updated row): at 100,000 members that took tens of
 * seconds where these take well under one (docs/PERFORMANCE.md). Call inside the caller's transaction.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";

/**
 * Options for the transactions that write a whole team's targets: Prisma's default 5 s limit is too tight for a
 * 100,000-member publish on a busy machine (it measures about half a second when the machine is quiet).
 */
export const BULK_TRANSACTION = { timeout: 60_000, maxWait: 10_000 } as const;

/** Rows per statement: keeps a single bind message well under PostgreSQL's limits on huge teams. */
const CHUNK = 50_000;

export interface NewTargetRow {
  membershipId: string;
  personal: number;
  team: number;
  personalOverride?: number | null;
  teamOverride?: number | null;
}

export interface TargetUpdateRow {
  id: string;
  personal: number;
  team: number;
  personalOverride: number | null;
  teamOverride: number | null;
}

export interface TargetChangeRow {
  membershipId: string | null;
  field: string;
  fromValue: number | null;
  toValue: number | null;
  data: unknown;
}

async function inChunks<T>(rows: readonly T[], write: (part: readonly T[], offset: number) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK), i);
}

export async function insertMemberTargets(
  tx: DbClient,
  args: { teamId: string; goalId: string; rows: readonly NewTargetRow[] },
): Promise<void> {
  await inChunks(args.rows, (part) =>
    tx.$executeRaw(Prisma.sql`
      INSERT INTO "MemberTarget" (id, "teamId", "goalId", "membershipId", personal, team, "personalOverride", "teamOverride", "updatedAt")
      SELECT gen_random_uuid()::text, ${args.teamId}, ${args.goalId}, r.m, r.p, r.t, r.po, r.tov, now()
        FROM unnest(${part.map((r) => r.membershipId)}::text[], ${part.map((r) => r.personal)}::int[], ${part.map((r) => r.team)}::int[],
                    ${part.map((r) => r.personalOverride ?? null)}::int[], ${part.map((r) => r.teamOverride ?? null)}::int[])
             AS r(m, p, t, po, tov)`),
  );
}

/** Sets the numbers of existing targets (by MemberTarget id) and bumps their version. */
export async function updateMemberTargets(tx: DbClient, rows: readonly TargetUpdateRow[]): Promise<void> {
  await inChunks(rows, (part) =>
    tx.$executeRaw(Prisma.sql`
      UPDATE "MemberTarget" AS mt
         SET personal = r.p, team = r.t, "personalOverride" = r.po, "teamOverride" = r.tov,
             version = mt.version + 1, "updatedAt" = now()
        FROM unnest(${part.map((r) => r.id)}::text[], ${part.map((r) => r.personal)}::int[], ${part.map((r) => r.team)}::int[],
                    ${part.map((r) => r.personalOverride)}::int[], ${part.map((r) => r.teamOverride)}::int[])
             AS r(id, p, t, po, tov)
       WHERE mt.id = r.id`),
  );
}

/**
 * History rows share one timestamp (the transaction's); their ids keep the order they were given in (a random
 * prefix per call, then the position), so "newest first, then id descending" lists them as createMany did.
 */
export async function insertTargetChanges(
  tx: DbClient,
  args: { teamId: string; goalId: string; actorId: string | null; reason: string; rows: readonly TargetChangeRow[] },
): Promise<void> {
  const prefix = `tc${Date.now().toString(36)}${randomUUID().slice(0, 8)}`;
  await inChunks(args.rows, (part, offset) =>
    tx.$executeRaw(Prisma.sql`
      INSERT INTO "TargetChange" (id, "teamId", "goalId", "membershipId", "actorId", reason, field, "fromValue", "toValue", data)
      SELECT ${prefix} || lpad((r.ord + ${offset})::text, 9, '0'), ${args.teamId}, ${args.goalId}, r.m, ${args.actorId}, ${args.reason},
             r.f, r.fv, r.tv, r.d::jsonb
        FROM unnest(${part.map((r) => r.membershipId)}::text[], ${part.map((r) => r.field)}::text[],
                    ${part.map((r) => r.fromValue)}::int[], ${part.map((r) => r.toValue)}::int[],
                    ${part.map((r) => (r.data === undefined || r.data === null ? null : JSON.stringify(r.data)))}::text[])
             WITH ORDINALITY AS r(m, f, fv, tv, d, ord)
       ORDER BY r.ord`),
  );
}

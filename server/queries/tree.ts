/**
 * Tree reads over memberships (`parentId` = upline). Every function here is ONE SQL query, whatever the
 * size or depth of the tree: recursive CTEs walk up (ancestor checks, upline chain) or down (subtrees).
 * Only ACTIVE memberships are part of a tree; removed ones are detached and kept for history.
 * Rows are decoded through ./decode.ts; the round trip is tested in tree.integration.test.ts.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { z } from "zod";
import { col, execute, mappedRows, queryFirst, queryRows, zodRows } from "./decode";

/** Deepest tree we will walk; far beyond any real genealogy, it only guards against corrupt data. */
const MAX_DEPTH = 10_000;

/**
 * `WITH RECURSIVE <name> AS (…)` starting from one active member of the team and following `step` (the join from a
 * row of `<name>` to the next membership, with its filter): the one shape of every tree walk here. With `withMember`
 * each row also carries the membership's "userId", role, slot and status, read in the walk's own probe of the row
 * (a read that needs them then joins no "Membership" row again: one index probe less a member).
 */
function walkFrom(
  name: "up" | "down",
  args: { teamId: string; startId: string; step: Prisma.Sql; withMember?: boolean },
): Prisma.Sql {
  const self = Prisma.raw(name);
  const carried = args.withMember ? Prisma.sql`, "userId", role, slot, status` : Prisma.empty;
  const carriedNext = args.withMember ? Prisma.sql`, m."userId", m.role, m.slot, m.status` : Prisma.empty;
  return Prisma.sql`
    WITH RECURSIVE ${self} AS (
      SELECT id, "parentId", 0 AS depth${carried}
        FROM "Membership"
       WHERE id = ${args.startId} AND "teamId" = ${args.teamId} AND status = 'ACTIVE'
      UNION ALL
      SELECT m.id, m."parentId", ${self}.depth + 1${carriedNext}
        FROM "Membership" m
        ${args.step}
    )`;
}

const foundRows = zodRows("tree.isInSubtree", z.object({ found: z.boolean() }));

/**
 * Is `memberId` inside the subtree rooted at `ancestorId` (a member is inside their own subtree)?
 * Walks up from `memberId`, so the cost is the member's depth, not the subtree's size.
 */
export async function isInSubtree(
  db: DbClient,
  args: { teamId: string; ancestorId: string; memberId: string },
): Promise<boolean> {
  const up = walkFrom("up", {
    teamId: args.teamId,
    startId: args.memberId,
    step: Prisma.sql`JOIN up ON m.id = up."parentId" WHERE up.id <> ${args.ancestorId} AND up.depth < ${MAX_DEPTH}`,
  });
  const row = await queryFirst(
    db,
    foundRows,
    Prisma.sql`${up}
    SELECT EXISTS (SELECT 1 FROM up WHERE id = ${args.ancestorId}) AS found`,
  );
  return row?.found === true;
}

export interface SubtreeRow {
  id: string;
  parentId: string | null;
  depth: number;
}

/**
 * `WITH RECURSIVE down (id, "parentId", depth) AS (…)`: the active members of the subtree rooted at `rootId`, as
 * the start of a larger query (`Prisma.sql\`${subtreeCte(…)} SELECT … FROM down …\``; add more CTEs with a comma).
 * `withMember` adds ("userId", role, slot, status) to each row.
 */
export function subtreeCte(args: {
  teamId: string;
  rootId: string;
  maxDepth?: number;
  withMember?: boolean;
}): Prisma.Sql {
  const maxDepth = Math.min(args.maxDepth ?? MAX_DEPTH, MAX_DEPTH);
  return walkFrom("down", {
    teamId: args.teamId,
    startId: args.rootId,
    step: Prisma.sql`JOIN down ON m."parentId" = down.id
       WHERE m."teamId" = ${args.teamId} AND m.status = 'ACTIVE' AND down.depth < ${maxDepth}`,
    withMember: args.withMember,
  });
}

/** A whole team can be listed (100,000 rows): the strict mapper, not zod. */
const subtreeRows = mappedRows("tree.listSubtree", (r): SubtreeRow => ({
  id: col.string(r, "id"),
  parentId: col.stringOrNull(r, "parentId"),
  depth: col.int(r, "depth"),
}));

/** Every active member of the subtree rooted at `rootId` (root first, then by depth), in one query. */
export async function listSubtree(
  db: DbClient,
  args: { teamId: string; rootId: string; maxDepth?: number },
): Promise<SubtreeRow[]> {
  return queryRows(
    db,
    subtreeRows,
    Prisma.sql`${subtreeCte(args)}
    SELECT id, "parentId", depth::int AS depth FROM down ORDER BY depth, id`,
  );
}

const ZUplineRow = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(["OWNER", "LEADER", "MEMBER"]),
  /** 1 = direct upline, 2 = their upline, … */
  distance: z.number().int(),
});
export type UplineRow = z.output<typeof ZUplineRow>;
const uplineRows = zodRows("tree.listUplineChain", ZUplineRow);

/** The upline chain of a member, nearest first, with names (what a member may see of people above them). */
export async function listUplineChain(db: DbClient, args: { teamId: string; memberId: string }): Promise<UplineRow[]> {
  return queryRows(
    db,
    uplineRows,
    Prisma.sql`
    WITH RECURSIVE up AS (
      SELECT "parentId" AS id, 1 AS distance
        FROM "Membership"
       WHERE id = ${args.memberId} AND "teamId" = ${args.teamId}
      UNION ALL
      SELECT m."parentId", up.distance + 1
        FROM "Membership" m
        JOIN up ON m.id = up.id
       WHERE m."parentId" IS NOT NULL AND up.distance < ${MAX_DEPTH}
    )
    SELECT m.id, u.name, m.role::text AS role, up.distance::int AS distance
      FROM up
      JOIN "Membership" m ON m.id = up.id
      JOIN "User" u ON u.id = m."userId"
     ORDER BY up.distance`,
  );
}

/**
 * Serialises changes to one team's tree (moves, removals, joins) for the rest of the transaction, so two
 * concurrent moves can never build a cycle between them. Must be called inside a transaction.
 */
export async function lockTeamTree(db: DbClient, teamId: string): Promise<void> {
  await execute(db, Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${"tree:" + teamId}))`);
}

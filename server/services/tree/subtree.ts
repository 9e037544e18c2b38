/**
 * Tree reads over memberships (`parentId` = upline). Every function here is ONE SQL query, whatever the
 * size or depth of the tree: recursive CTEs walk up (ancestor checks, upline chain) or down (subtrees).
 * Only ACTIVE memberships are part of a tree; removed ones are detached and kept for history.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";

/** Deepest tree we will walk; far beyond any real genealogy, it only guards against corrupt data. */
const MAX_DEPTH = 10_000;

/**
 * Is `memberId` inside the subtree rooted at `ancestorId` (a member is inside their own subtree)?
 * Walks up from `memberId`, so the cost is the member's depth, not the subtree's size.
 */
export async function isInSubtree(
  db: DbClient,
  args: { teamId: string; ancestorId: string; memberId: string },
): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: boolean }[]>(Prisma.sql`
    WITH RECURSIVE up AS (
      SELECT id, "parentId", 0 AS depth
        FROM "Membership"
       WHERE id = ${args.memberId} AND "teamId" = ${args.teamId} AND status = 'ACTIVE'
      UNION ALL
      SELECT m.id, m."parentId", up.depth + 1
        FROM "Membership" m
        JOIN up ON m.id = up."parentId"
       WHERE up.id <> ${args.ancestorId} AND up.depth < ${MAX_DEPTH}
    )
    SELECT EXISTS (SELECT 1 FROM up WHERE id = ${args.ancestorId}) AS found`);
  return rows[0]?.found === true;
}

export interface SubtreeRow {
  id: string;
  parentId: string | null;
  depth: number;
}

/**
 * `WITH RECURSIVE down (id, "parentId", depth) AS (…)`: the active members of the subtree rooted at `rootId`, as
 * the start of a larger query (`Prisma.sql\`${subtreeCte(…)} SELECT … FROM down …\``; add more CTEs with a comma).
 */
export function subtreeCte(args: { teamId: string; rootId: string; maxDepth?: number }): Prisma.Sql {
  const maxDepth = Math.min(args.maxDepth ?? MAX_DEPTH, MAX_DEPTH);
  return Prisma.sql`
    WITH RECURSIVE down AS (
      SELECT id, "parentId", 0 AS depth
        FROM "Membership"
       WHERE id = ${args.rootId} AND "teamId" = ${args.teamId} AND status = 'ACTIVE'
      UNION ALL
      SELECT m.id, m."parentId", down.depth + 1
        FROM "Membership" m
        JOIN down ON m."parentId" = down.id
       WHERE m."teamId" = ${args.teamId} AND m.status = 'ACTIVE' AND down.depth < ${maxDepth}
    )`;
}

/** Every active member of the subtree rooted at `rootId` (root first, then by depth), in one query. */
export async function listSubtree(
  db: DbClient,
  args: { teamId: string; rootId: string; maxDepth?: number },
): Promise<SubtreeRow[]> {
  return db.$queryRaw<SubtreeRow[]>(Prisma.sql`${subtreeCte(args)}
    SELECT id, "parentId", depth::int AS depth FROM down ORDER BY depth, id`);
}

export interface UplineRow {
  id: string;
  name: string;
  role: string;
  /** 1 = direct upline, 2 = their upline, … */
  distance: number;
}

/** The upline chain of a member, nearest first, with names (what a member may see of people above them). */
export async function listUplineChain(
  db: DbClient,
  args: { teamId: string; memberId: string },
): Promise<UplineRow[]> {
  return db.$queryRaw<UplineRow[]>(Prisma.sql`
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
     ORDER BY up.distance`);
}

/**
 * Serialises changes to one team's tree (moves, removals, joins) for the rest of the transaction, so two
 * concurrent moves can never build a cycle between them. Must be called inside a transaction.
 */
export async function lockTeamTree(db: DbClient, teamId: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${"tree:" + teamId}))`);
}

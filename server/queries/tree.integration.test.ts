/** Round trip of the tree queries on a real database: every query runs and its decoded rows are checked. */
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { isInSubtree, listSubtree, listUplineChain, lockTeamTree, subtreeCte } from "@/server/queries/tree";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase();

describe("tree queries", () => {
  it("isInSubtree walks up: a member is in their own and their uplines' subtrees, not a sibling's", async () => {
    const { db, t } = env;
    const teamId = t.team.id;
    expect(await isInSubtree(db, { teamId, ancestorId: t.leaderA.id, memberId: t.memberA1a.id })).toBe(true);
    expect(await isInSubtree(db, { teamId, ancestorId: t.memberA1a.id, memberId: t.memberA1a.id })).toBe(true);
    expect(await isInSubtree(db, { teamId, ancestorId: t.memberA2.id, memberId: t.memberA1a.id })).toBe(false);
    expect(await isInSubtree(db, { teamId: "another-team", ancestorId: t.leaderA.id, memberId: t.memberA1a.id })).toBe(
      false,
    );
  });

  it("listSubtree lists the subtree root first, then by depth, with parents and depths", async () => {
    const { db, t } = env;
    const rows = await listSubtree(db, { teamId: t.team.id, rootId: t.leaderA.id });
    expect(rows[0]).toEqual({ id: t.leaderA.id, parentId: t.owner.id, depth: 0 });
    expect(rows).toHaveLength(4);
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: t.memberA1.id, parentId: t.leaderA.id, depth: 1 },
        { id: t.memberA2.id, parentId: t.leaderA.id, depth: 1 },
        { id: t.memberA1a.id, parentId: t.memberA1.id, depth: 2 },
      ]),
    );
    expect(await listSubtree(db, { teamId: t.team.id, rootId: t.leaderA.id, maxDepth: 1 })).toHaveLength(3);
  });

  it("subtreeCte composes into a larger query", async () => {
    const { db, t } = env;
    const rows = await db.$queryRaw<{ n: number }[]>(
      Prisma.sql`${subtreeCte({ teamId: t.team.id, rootId: t.owner.id })} SELECT count(*)::int AS n FROM down`,
    );
    expect(rows).toEqual([{ n: 7 }]);
  });

  it("listUplineChain names the uplines nearest first, with their roles", async () => {
    const { db, t } = env;
    expect(await listUplineChain(db, { teamId: t.team.id, memberId: t.memberA1a.id })).toEqual([
      { id: t.memberA1.id, name: "Mia A1", role: "MEMBER", distance: 1 },
      { id: t.leaderA.id, name: "Leo Leader A", role: "LEADER", distance: 2 },
      { id: t.owner.id, name: "Olivia Owner", role: "OWNER", distance: 3 },
    ]);
    expect(await listUplineChain(db, { teamId: t.team.id, memberId: t.owner.id })).toEqual([]);
  });

  it("lockTeamTree takes the team's lock inside a transaction", async () => {
    const { db, t } = env;
    await expect(db.$transaction((tx) => lockTeamTree(tx, t.team.id))).resolves.toBeUndefined();
  });
});

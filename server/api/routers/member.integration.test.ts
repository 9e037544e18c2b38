import { beforeEach, describe, expect, it } from "vitest";
import { isInSubtree } from "@/server/queries/tree";
import { makeUser } from "@/tests/factories";
import { setUpTestDatabase, type TestTree } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });
let t: TestTree;
beforeEach(() => {
  t = env.t;
});
const as = (membershipId: string) => env.as(membershipId);
const names = (nodes: { name: string }[]) => nodes.map((n) => n.name).sort();

describe("member.tree — visibility", () => {
  it("the owner sees the whole team with subtree counts", async () => {
    const tree = await (await as(t.owner.id)).member.tree({ teamId: t.team.id });
    expect(tree.nodes).toHaveLength(7);
    const byName = new Map(tree.nodes.map((n) => [n.name, n]));
    expect(byName.get("Olivia Owner")).toMatchObject({ depth: 0, descendantCount: 6, childCount: 2 });
    expect(byName.get("Leo Leader A")).toMatchObject({ depth: 1, descendantCount: 3, childCount: 2 });
    expect(byName.get("Max A1a")).toMatchObject({ depth: 3, descendantCount: 0 });
    expect(tree.upline).toEqual([]);
  });

  it("a member sees themselves, their downline and only the names of their upline chain", async () => {
    const tree = await (await as(t.memberA1.id)).member.tree({ teamId: t.team.id });
    expect(names(tree.nodes)).toEqual(["Max A1a", "Mia A1"]);
    expect(tree.upline.map((u) => u.name)).toEqual(["Leo Leader A", "Olivia Owner"]);
    expect(Object.keys(tree.upline[0]!).sort()).toEqual(["id", "name", "role"]);
  });

  it("a member cannot read a sibling's or an upline's subtree", async () => {
    const caller = await as(t.memberA1.id);
    await expect(caller.member.tree({ teamId: t.team.id, rootId: t.memberA2.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.member.tree({ teamId: t.team.id, rootId: t.leaderA.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a leader sees only their own branch", async () => {
    const caller = await as(t.leaderA.id);
    const tree = await caller.member.tree({ teamId: t.team.id });
    expect(names(tree.nodes)).toEqual(["Leo Leader A", "Max A1a", "Mia A1", "Mo A2"]);
    await expect(caller.member.tree({ teamId: t.team.id, rootId: t.memberB1.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a user outside the team sees nothing of it", async () => {
    const stranger = env.caller(await makeUser(env.db));
    await expect(stranger.member.tree({ teamId: t.team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.member.tree({ teamId: t.team.id, rootId: t.owner.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("limits the depth returned while still counting the whole subtree", async () => {
    const tree = await (await as(t.owner.id)).member.tree({ teamId: t.team.id, depth: 1 });
    expect(tree.nodes).toHaveLength(3);
    expect(tree.nodes.find((n) => n.depth === 0)?.descendantCount).toBe(6);
  });
});

describe("member.move", () => {
  it("moves a member with their whole downline and records who did it", async () => {
    await (await as(t.owner.id)).member.move({ teamId: t.team.id, memberId: t.memberA1.id, newParentId: t.leaderB.id });
    expect(await isInSubtree(env.db, { teamId: t.team.id, ancestorId: t.leaderB.id, memberId: t.memberA1a.id })).toBe(
      true,
    );
    expect(await isInSubtree(env.db, { teamId: t.team.id, ancestorId: t.leaderA.id, memberId: t.memberA1a.id })).toBe(
      false,
    );
    const event = await env.db.auditEvent.findFirstOrThrow({ where: { teamId: t.team.id, action: "member.moved" } });
    expect(event).toMatchObject({
      actorId: t.owner.id,
      subjectId: t.memberA1.id,
      data: { from: t.leaderA.id, to: t.leaderB.id },
    });
  });

  it("refuses a move that would create a cycle, and changes nothing", async () => {
    const owner = await as(t.owner.id);
    await expect(
      owner.member.move({ teamId: t.team.id, memberId: t.leaderA.id, newParentId: t.memberA1a.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("own downline"),
    });
    await expect(
      owner.member.move({ teamId: t.team.id, memberId: t.memberA1.id, newParentId: t.memberA1.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const a = await env.db.membership.findUniqueOrThrow({ where: { id: t.leaderA.id } });
    expect(a.parentId).toBe(t.owner.id);
  });

  it("a leader moves within their branch only", async () => {
    const leaderA = await as(t.leaderA.id);
    await leaderA.member.move({ teamId: t.team.id, memberId: t.memberA2.id, newParentId: t.memberA1.id });
    expect((await env.db.membership.findUniqueOrThrow({ where: { id: t.memberA2.id } })).parentId).toBe(t.memberA1.id);
    await expect(
      leaderA.member.move({ teamId: t.team.id, memberId: t.memberA2.id, newParentId: t.leaderB.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      leaderA.member.move({ teamId: t.team.id, memberId: t.memberB1.id, newParentId: t.leaderA.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      leaderA.member.move({ teamId: t.team.id, memberId: t.leaderA.id, newParentId: t.leaderB.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("a plain member cannot move anyone, even in their own downline", async () => {
    const memberA1 = await as(t.memberA1.id);
    await expect(
      memberA1.member.move({ teamId: t.team.id, memberId: t.memberA1a.id, newParentId: t.memberA1.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("two concurrent moves cannot build a cycle between them", async () => {
    const owner = await as(t.owner.id);
    const results = await Promise.allSettled([
      owner.member.move({ teamId: t.team.id, memberId: t.leaderA.id, newParentId: t.memberB1.id }),
      owner.member.move({ teamId: t.team.id, memberId: t.leaderB.id, newParentId: t.memberA1a.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const tree = await owner.member.tree({ teamId: t.team.id });
    expect(tree.nodes).toHaveLength(7);
  });
});

describe("member.remove", () => {
  it("moves the removed member's downline up to their upline and keeps the membership for history", async () => {
    const result = await (await as(t.leaderA.id)).member.remove({ teamId: t.team.id, memberId: t.memberA1.id });
    expect(result.downlineMovedUp).toBe(1);
    expect((await env.db.membership.findUniqueOrThrow({ where: { id: t.memberA1a.id } })).parentId).toBe(t.leaderA.id);
    const removed = await env.db.membership.findUniqueOrThrow({ where: { id: t.memberA1.id } });
    expect(removed).toMatchObject({ status: "REMOVED", parentId: null });
    expect(removed.removedAt).toBeInstanceOf(Date);
    const tree = await (await as(t.owner.id)).member.tree({ teamId: t.team.id });
    expect(tree.nodes.map((n) => n.name)).not.toContain("Mia A1");
    // The removed person no longer sees the team.
    await expect((await as(t.memberA1.id)).team.get({ teamId: t.team.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("cannot remove the owner, oneself, or someone outside one's branch", async () => {
    await expect(
      (await as(t.leaderA.id)).member.remove({ teamId: t.team.id, memberId: t.owner.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      (await as(t.leaderA.id)).member.remove({ teamId: t.team.id, memberId: t.memberB1.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      (await as(t.owner.id)).member.remove({ teamId: t.team.id, memberId: t.owner.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      (await as(t.memberA1.id)).member.remove({ teamId: t.team.id, memberId: t.memberA1a.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("member.setRole", () => {
  it("the owner promotes a member to leader; a member cannot", async () => {
    await (await as(t.owner.id)).member.setRole({ teamId: t.team.id, memberId: t.memberB1.id, role: "LEADER" });
    expect((await env.db.membership.findUniqueOrThrow({ where: { id: t.memberB1.id } })).role).toBe("LEADER");
    await expect(
      (await as(t.memberA1.id)).member.setRole({ teamId: t.team.id, memberId: t.memberA1a.id, role: "LEADER" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { makeUser } from "@/tests/factories";
import { setUpTestDatabase, type TestTree } from "@/tests/setup/integration";
import * as clock from "@/server/clock";

const env = setUpTestDatabase({ tree: "each" });
let t: TestTree;
beforeEach(() => {
  t = env.t;
});

const as = (membershipId: string) => env.as(membershipId);

describe("invites", () => {
  it("whoever joins through a leader's link lands directly under the leader", async () => {
    const invite = await (await as(t.leaderA.id)).invite.create({ teamId: t.team.id });
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const newcomer = await makeUser(env.db, { name: "Nia New" });
    const caller = env.caller(newcomer);
    expect(await caller.invite.preview({ token: invite.token })).toMatchObject({
      ok: true,
      inviterName: "Leo Leader A",
    });
    const joined = await caller.invite.accept({ token: invite.token });
    expect(joined.joined).toBe(true);
    const membership = await env.db.membership.findUniqueOrThrow({ where: { id: joined.membershipId } });
    expect(membership).toMatchObject({ parentId: t.leaderA.id, role: "MEMBER", status: "ACTIVE" });
    const tree = await caller.member.tree({ teamId: t.team.id });
    expect(tree.upline.map((u) => u.name)).toEqual(["Leo Leader A", "Olivia Owner"]);
  });

  it("lands under the member the leader chose", async () => {
    const invite = await (
      await as(t.leaderA.id)
    ).invite.create({ teamId: t.team.id, parentId: t.memberA1.id, maxUses: null });
    const joined = await env.caller(await makeUser(env.db)).invite.accept({ token: invite.token });
    expect((await env.db.membership.findUniqueOrThrow({ where: { id: joined.membershipId } })).parentId).toBe(
      t.memberA1.id,
    );
  });

  it("a leader cannot place people outside their branch; a member can only invite under themselves", async () => {
    await expect(
      (await as(t.leaderA.id)).invite.create({ teamId: t.team.id, parentId: t.memberB1.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const member = await as(t.memberA1.id);
    await expect(member.invite.create({ teamId: t.team.id, parentId: t.memberA1a.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(member.invite.create({ teamId: t.team.id, role: "LEADER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const own = await member.invite.create({ teamId: t.team.id });
    expect(own.parentId).toBe(t.memberA1.id);
  });

  it("a single-use link admits one person; joining twice does nothing", async () => {
    const invite = await (await as(t.owner.id)).invite.create({ teamId: t.team.id, maxUses: 1 });
    const first = env.caller(await makeUser(env.db));
    const a = await first.invite.accept({ token: invite.token });
    const again = await first.invite.accept({ token: invite.token });
    expect(again).toMatchObject({ joined: false, membershipId: a.membershipId });
    const second = env.caller(await makeUser(env.db));
    await expect(second.invite.accept({ token: invite.token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("already been used"),
    });
    expect(await env.db.invite.findUniqueOrThrow({ where: { id: invite.id }, select: { uses: true } })).toEqual({
      uses: 1,
    });
  });

  it("expired and revoked links are refused with a clear reason", async () => {
    const owner = await as(t.owner.id);
    const revoked = await owner.invite.create({ teamId: t.team.id });
    await owner.invite.revoke({ teamId: t.team.id, inviteId: revoked.id });
    const user = env.caller(await makeUser(env.db));
    await expect(user.invite.accept({ token: revoked.token })).rejects.toMatchObject({
      message: expect.stringContaining("revoked"),
    });
    expect(await user.invite.preview({ token: revoked.token })).toMatchObject({ ok: false, problem: "revoked" });

    const expiring = await owner.invite.create({ teamId: t.team.id, expiresInDays: 1 });
    await env.db.invite.update({ where: { id: expiring.id }, data: { expiresAt: new Date(clock.nowMs() - 1000) } });
    await expect(user.invite.accept({ token: expiring.token })).rejects.toMatchObject({
      message: expect.stringContaining("expired"),
    });
    expect(await user.invite.preview({ token: "x".repeat(43) })).toMatchObject({ ok: false, problem: "not_found" });
  });

  it("lists the links the actor made; only the creator or owner can revoke", async () => {
    const leaderA = await as(t.leaderA.id);
    const invite = await leaderA.invite.create({ teamId: t.team.id });
    expect((await leaderA.invite.list({ teamId: t.team.id })).map((i) => i.id)).toContain(invite.id);
    expect((await (await as(t.leaderB.id)).invite.list({ teamId: t.team.id })).map((i) => i.id)).not.toContain(
      invite.id,
    );
    await expect(
      (await as(t.leaderB.id)).invite.revoke({ teamId: t.team.id, inviteId: invite.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a removed member invited back is reactivated under the new upline", async () => {
    await (await as(t.owner.id)).member.remove({ teamId: t.team.id, memberId: t.memberB1.id });
    const invite = await (await as(t.leaderA.id)).invite.create({ teamId: t.team.id });
    const back = await (await as(t.memberB1.id)).invite.accept({ token: invite.token });
    expect(back).toMatchObject({ joined: true, membershipId: t.memberB1.id });
    expect(await env.db.membership.findUniqueOrThrow({ where: { id: t.memberB1.id } })).toMatchObject({
      status: "ACTIVE",
      parentId: t.leaderA.id,
    });
  });
});

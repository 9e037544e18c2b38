/**
 * Issue 16, side door 4: removal sticks. Removing someone revokes every invite they made; a removed member cannot
 * rejoin through an invite made before their removal (even an unlimited one, even one made by someone else);
 * rejoining takes a fresh invite made after the removal. Removal ends their access to the team at once.
 */
import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { atInstant, TEST_NOW } from "@/tests/clock";

const env = setUpTestDatabase({ tree: "each" });
const later = (minutes: number) => new Date(Date.parse(TEST_NOW) + minutes * 60_000).toISOString();

describe("removal sticks", () => {
  it("a removed leader cannot rejoin as LEADER through the unlimited link she made before removal", async () => {
    const { t } = env;
    const leaderA = await env.as(t.leaderA.id);
    const owner = await env.as(t.owner.id);
    const own = await atInstant(later(0), () =>
      leaderA.invite.create({
        teamId: t.team.id,
        parentId: t.memberA1.id,
        role: "LEADER",
        maxUses: null,
        expiresInDays: null,
      }),
    );
    await atInstant(later(5), () => owner.member.remove({ teamId: t.team.id, memberId: t.leaderA.id }));
    // Her access to the team ended at once.
    await expect(leaderA.member.day({ teamId: t.team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Every invite she made is revoked.
    expect(await env.db.invite.findMany({ where: { createdById: t.leaderA.id }, select: { revokedAt: true } })).toEqual(
      [{ revokedAt: expect.any(Date) as Date }],
    );
    await expect(atInstant(later(10), () => leaderA.invite.accept({ token: own.token }))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await env.db.membership.findUniqueOrThrow({ where: { id: t.leaderA.id } })).toMatchObject({
      status: "REMOVED",
    });
  });

  it("a removed member cannot rejoin through a still-active link made before the removal; a fresh one works", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    const member = await env.as(t.memberB1.id);
    const old = await atInstant(later(0), () =>
      owner.invite.create({ teamId: t.team.id, maxUses: null, expiresInDays: null }),
    );
    await atInstant(later(5), () => owner.member.remove({ teamId: t.team.id, memberId: t.memberB1.id }));
    await expect(atInstant(later(10), () => member.invite.accept({ token: old.token }))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("before you left the team") as string,
    });
    const fresh = await atInstant(later(15), () => owner.invite.create({ teamId: t.team.id, maxUses: 1 }));
    const joined = await atInstant(later(20), () => member.invite.accept({ token: fresh.token }));
    expect(joined).toMatchObject({ joined: true, membershipId: t.memberB1.id });
    // The old link still admits people who were never removed.
    expect(await env.db.invite.findUniqueOrThrow({ where: { id: old.id }, select: { revokedAt: true } })).toMatchObject(
      { revokedAt: null },
    );
  });
});

/** Round trip of the team queries on a real database: every query runs and its decoded rows are checked. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readExportEntriesPage, readTeamAccess } from "@/server/queries/team";
import { makeFunnelMetrics } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import * as clock from "@/server/clock";

const env = setUpTestDatabase();

describe("team queries", () => {
  it("readTeamAccess joins the active membership with its team's settings and the user's session version", async () => {
    const { db, t } = env;
    await db.membership.update({ where: { id: t.memberA1.id }, data: { timeZone: "America/New_York" } });
    const user = await db.membership.findUniqueOrThrow({ where: { id: t.memberA1.id }, select: { userId: true } });
    await db.user.update({ where: { id: user.userId }, data: { sessionVersion: 4 } });
    expect(await readTeamAccess(db, { teamId: t.team.id, userId: user.userId })).toEqual({
      sessionVersion: 4,
      sessionRevoked: false,
      membership: {
        id: t.memberA1.id,
        teamId: t.team.id,
        userId: user.userId,
        parentId: t.leaderA.id,
        role: "MEMBER",
        timeZone: "America/New_York",
        // A plain member who sponsors memberA1a: roles follow the tree.
        leadsBranch: true,
      },
      team: {
        id: t.team.id,
        slug: t.team.slug,
        name: "Test Team",
        currency: "GBP",
        timeZone: "Europe/London",
        weekStartsOn: 1,
        workingDays: [1, 2, 3, 4, 5],
        membersCanInvite: expect.any(Boolean) as boolean,
        backdateDays: expect.any(Number) as number,
        uplineCanEditEntries: expect.any(Boolean) as boolean,
      },
    });
    const owner = await readTeamAccess(db, { teamId: t.team.id, userId: t.owner.userId });
    expect(owner?.membership).toMatchObject({ id: t.owner.id, parentId: null, role: "OWNER", timeZone: null });
    expect(await readTeamAccess(db, { teamId: t.team.id, userId: "nobody" })).toBeNull();
    await db.user.update({ where: { id: user.userId }, data: { sessionVersion: 0 } });
  });

  it("readTeamAccess says who leads a branch: a role, or a downline where the team lets sponsors lead", async () => {
    const { db, t } = env;
    const userOf = async (id: string) =>
      (await db.membership.findUniqueOrThrow({ where: { id }, select: { userId: true } })).userId;
    const leads = async (id: string) =>
      (await readTeamAccess(db, { teamId: t.team.id, userId: await userOf(id) }))?.membership.leadsBranch;
    expect(await leads(t.memberA1a.id)).toBe(false); // no downline
    expect(await leads(t.memberA1.id)).toBe(true); // sponsors memberA1a
    expect(await leads(t.leaderB.id)).toBe(true);
    await db.team.update({ where: { id: t.team.id }, data: { sponsorsLeadBranches: false } });
    expect(await leads(t.memberA1.id)).toBe(false);
    expect(await leads(t.leaderB.id)).toBe(true);
    await db.team.update({ where: { id: t.team.id }, data: { sponsorsLeadBranches: true } });
    // A removed downline does not count.
    await db.membership.update({ where: { id: t.memberA1a.id }, data: { status: "REMOVED" } });
    expect(await leads(t.memberA1.id)).toBe(false);
    await db.membership.update({ where: { id: t.memberA1a.id }, data: { status: "ACTIVE" } });
  });

  it("readTeamAccess says whether the session (sid) was signed out, in the same query", async () => {
    const { db, t } = env;
    const { userId } = await db.membership.findUniqueOrThrow({
      where: { id: t.memberA1.id },
      select: { userId: true },
    });
    const expiresAt = new Date(clock.nowMs() + 60_000);
    await db.revokedSession.create({ data: { sid: "team-access-signed-out", userId, expiresAt } });
    const access = (sid?: string) => readTeamAccess(db, { teamId: t.team.id, userId, sid });
    expect(await access("team-access-signed-out")).toMatchObject({
      sessionRevoked: true,
      membership: { id: t.memberA1.id },
    });
    expect(await access("team-access-other")).toMatchObject({ sessionRevoked: false });
    expect(await access(undefined)).toMatchObject({ sessionRevoked: false });
    // The id is another user's session: not this one.
    const owner = await readTeamAccess(db, {
      teamId: t.team.id,
      userId: t.owner.userId,
      sid: "team-access-signed-out",
    });
    expect(owner).toMatchObject({ sessionRevoked: false });
    await db.revokedSession.delete({ where: { sid: "team-access-signed-out" } });
  });

  it("readExportEntriesPage pages live entries by (day, id) with member, metric and unit", async () => {
    const { db, t } = env;
    const metrics = await makeFunnelMetrics(db, { teamId: t.team.id });
    const a1 = await env.as(t.memberA1.id);
    await a1.entry.log({
      teamId: t.team.id,
      entries: [{ id: randomUUID(), metricId: metrics.volume.id, amount: 12_345, note: "sale" }],
    });
    await a1.entry.log({
      teamId: t.team.id,
      entries: [1, 2].map((amount) => ({ id: randomUUID(), metricId: metrics.contacts.id, amount })),
    });

    const first = await readExportEntriesPage(db, { teamId: t.team.id, after: null, limit: 2 });
    expect(first).toHaveLength(2);
    const rest = await readExportEntriesPage(db, {
      teamId: t.team.id,
      after: { day: first[1]!.day, id: first[1]!.id },
      limit: 2,
    });
    const all = [...first, ...rest];
    expect(all).toHaveLength(3);
    expect(new Set(all.map((r) => r.id)).size).toBe(3);
    const sale = all.find((r) => r.unit === "MONEY")!;
    expect(sale).toEqual({
      id: sale.id,
      day: expect.any(Date) as Date,
      amount: 12_345,
      note: "sale",
      name: "Mia A1",
      email: expect.stringContaining("@") as string,
      status: "ACTIVE",
      metric: "Team volume",
      unit: "MONEY",
    });
    expect(
      all
        .filter((r) => r.unit === "COUNT")
        .map((r) => r.amount)
        .sort(),
    ).toEqual([1, 2]);
  });
});

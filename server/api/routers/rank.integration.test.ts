import { beforeAll, describe, expect, it } from "vitest";
import { addDays, endOfPeriod, startOfPeriod } from "@/server/domain/calendar";
import { teamToday } from "@/server/clock";
import { addDailyTotal, makeMetric } from "@/tests/factories";
import { setUpTestDatabase, type TestCaller, type TestTree } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "once" });
let t: TestTree;
let owner: TestCaller;
let leader: TestCaller;
let member: TestCaller;

beforeAll(async () => {
  t = env.t;
  owner = await env.as(t.owner.id);
  leader = await env.as(t.leaderA.id);
  member = await env.as(t.memberA1.id);
});

const teamId = () => t.team.id;

describe("rank router", () => {
  it("saves ranks in order, edits one and refuses a taken position", async () => {
    const bronze = await owner.rank.save({
      teamId: teamId(),
      name: "Bronze",
      position: 0,
      personalVolume: 10_000,
      teamVolume: 50_000,
      personallySponsored: 1,
      monthlyIncome: 20_000,
    });
    await owner.rank.save({
      teamId: teamId(),
      name: "Silver",
      position: 1,
      personalVolume: 10_000,
      teamVolume: 200_000,
      personallySponsored: 2,
      qualifiedLegs: 1,
      monthlyIncome: 80_000,
    });
    await expect(owner.rank.save({ teamId: teamId(), name: "Copper", position: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Silver"),
    });
    await owner.rank.save({
      teamId: teamId(),
      rankId: bronze.id,
      name: "Bronze",
      position: 0,
      personalVolume: 10_000,
      teamVolume: 60_000,
      personallySponsored: 1,
      monthlyIncome: 20_000,
    });
    const ranks = await member.rank.list({ teamId: teamId() });
    expect(ranks.map((r) => [r.name, r.teamVolume])).toEqual([
      ["Bronze", 60_000],
      ["Silver", 200_000],
    ]);
  });

  it("shows a member's standing this month and the gap to the next rank", async () => {
    const db = env.db;
    const volume = await makeMetric(db, { teamId: teamId(), key: "team_volume", kind: "RESULT", unit: "MONEY" });
    const sponsors = await makeMetric(db, { teamId: teamId(), key: "sponsors", kind: "RESULT" });
    const team = await db.team.findUniqueOrThrow({ where: { id: teamId() }, select: { timeZone: true } });
    const day = startOfPeriod(teamToday(team), "month");
    const log = (membershipId: string, metricId: string, total: number) =>
      addDailyTotal(db, { teamId: teamId(), membershipId, metricId, day, total });
    await log(t.memberA1.id, volume.id, 15_000);
    // A qualified leg: Max qualifies for Bronze on his own, so Mia's leg through him holds the lowest rank (the leg
    // rank when a rank names none: server/domain/rank-legs.ts). His sponsor is not Mia's.
    await log(t.memberA1a.id, volume.id, 60_000);
    await log(t.memberA1a.id, sponsors.id, 1);
    await log(t.memberA1.id, sponsors.id, 1);

    const mine = await member.rank.progress({ teamId: teamId() });
    expect(mine.standing).toEqual({
      personalVolume: 15_000,
      teamVolume: 75_000,
      personallySponsored: 1,
      qualifiedLegs: 1,
    });
    expect(mine.current?.name).toBe("Bronze");
    expect(mine.next?.name).toBe("Silver");
    expect(mine.gap).toEqual({ personalVolume: 0, teamVolume: 125_000, personallySponsored: 1, qualifiedLegs: 0 });

    // The leader above sees it; a member cannot see someone outside their downline.
    expect((await leader.rank.progress({ teamId: teamId(), membershipId: t.memberA1.id })).standing?.teamVolume).toBe(
      75_000,
    );
    await expect(member.rank.progress({ teamId: teamId(), membershipId: t.memberA2.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("works 'reach a rank by then' back into monthly requirements, this month's gap and the funnel", async () => {
    const db = env.db;
    const sponsors = await db.metric.findFirstOrThrow({
      where: { teamId: teamId(), key: "sponsors" },
      select: { id: true },
    });
    const contacts = await db.metric.create({
      data: {
        teamId: teamId(),
        key: "contacts",
        name: "Contacts",
        kind: "ACTIVITY",
        unit: "COUNT",
        minutesPerAction: 5,
        position: 99,
      },
      select: { id: true },
    });
    await db.funnelStage.create({
      data: {
        teamId: teamId(),
        resultMetricId: sponsors.id,
        activityMetricId: contacts.id,
        position: 0,
        fromCount: 30,
        toCount: 1,
      },
    });
    const team = await db.team.findUniqueOrThrow({ where: { id: teamId() }, select: { timeZone: true } });
    const today = teamToday(team);

    // £500 a month → Silver (the lowest rank paying at least that), by the end of this month.
    const now = await member.rank.planToRank({
      teamId: teamId(),
      monthlyIncome: 50_000,
      deadline: endOfPeriod(today, "month"),
    });
    expect(now.rank.name).toBe("Silver");
    expect(now.months).toHaveLength(1);
    // Mia has 15,000 personal, 75,000 team volume, 1 sponsored and 1 qualified leg this month.
    expect(now.gapThisMonth).toEqual({
      personalVolume: 0,
      teamVolume: 125_000,
      personallySponsored: 1,
      qualifiedLegs: 0,
    });
    // One more sponsor ← 30 contacts at the funnel's default rate, 5 minutes each.
    expect(now.needs.map((n) => [n.key, n.required])).toEqual([["contacts", 30]]);
    expect(now.timeCheck.neededMinutes).toBe(150);

    // Three months out: the requirements climb evenly from last month's standing (nothing) to Silver's.
    const later = addDays(endOfPeriod(addDays(endOfPeriod(today, "month"), 1), "month"), 1);
    const ramp = await member.rank.planToRank({
      teamId: teamId(),
      rankId: now.rank.id,
      deadline: endOfPeriod(later, "month"),
    });
    expect(ramp.months.map((m) => m.teamVolume)).toEqual([66_667, 133_334, 200_000]);
    expect(ramp.months.map((m) => m.personallySponsored)).toEqual([1, 2, 2]);
    expect(ramp.months[0]!.start).toBe(startOfPeriod(today, "month"));

    await expect(
      member.rank.planToRank({ teamId: teamId(), monthlyIncome: 10_000_000, deadline: endOfPeriod(today, "month") }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("No rank pays"),
    });
    await expect(
      member.rank.planToRank({ teamId: teamId(), rankId: now.rank.id, deadline: addDays(today, -1) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      member.rank.planToRank({ teamId: teamId(), deadline: endOfPeriod(today, "month") } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets only the owner save or delete ranks", async () => {
    const [bronze] = await owner.rank.list({ teamId: teamId() });
    await expect(leader.rank.save({ teamId: teamId(), name: "Tin", position: 9 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(member.rank.delete({ teamId: teamId(), rankId: bronze!.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await owner.rank.delete({ teamId: teamId(), rankId: bronze!.id });
    expect((await owner.rank.list({ teamId: teamId() })).map((r) => r.name)).toEqual(["Silver"]);
    await expect(owner.rank.delete({ teamId: teamId(), rankId: bronze!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

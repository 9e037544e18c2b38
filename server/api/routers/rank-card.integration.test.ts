/**
 * The rank report card and the saved rank plan, through the router on a real database, per object: the viewer's own
 * card, a leader's branch member's card, NOT_FOUND outside the branch; saving a plan makes linked, published goals.
 * The clock is the suite's (2027-03-17, a Wednesday in London): March is this period, 10 open days are left.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { targetTable } from "@/tests/target-table";
import { addDailyTotal, makeFunnelMetrics } from "@/tests/factories";
import { setUpTestDatabase, type TestCaller, type TestTree } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "once" });
let t: TestTree;
let leader: TestCaller;
let silverId: string;
let goldId: string;
const teamId = () => t.team.id;

beforeAll(async () => {
  t = env.t;
  leader = await env.as(t.leaderA.id);
  const owner = await env.as(t.owner.id);
  const metrics = await makeFunnelMetrics(env.db, { teamId: teamId() });
  const silver = await owner.rank.save({
    teamId: teamId(),
    name: "Silver",
    position: 0,
    personalVolume: 10_000,
    teamVolume: 50_000,
  });
  const gold = await owner.rank.save({
    teamId: teamId(),
    name: "Gold",
    position: 1,
    personalVolume: 10_000,
    teamVolume: 150_000,
    legCapPct: 50,
    qualifiedLegs: 2,
    legRankId: silver.id,
    activeMembers: 2,
    activeMinVolume: 5_000,
    personallySponsored: 1,
  });
  silverId = silver.id;
  goldId = gold.id;
  const log = (membershipId: string, metricId: string, day: string, total: number) =>
    addDailyTotal(env.db, { teamId: teamId(), membershipId, metricId, day, total });
  await log(t.leaderA.id, metrics.volume.id, "2027-03-10", 20_000);
  await log(t.leaderA.id, metrics.sponsors.id, "2027-03-10", 1);
  await log(t.memberA1.id, metrics.volume.id, "2027-03-10", 40_000);
  await log(t.memberA1a.id, metrics.volume.id, "2027-03-10", 15_000);
  await log(t.memberA2.id, metrics.volume.id, "2027-03-10", 30_000);
  await log(t.leaderA.id, metrics.volume.id, "2027-01-12", 200_000); // Silver on their own in January
  await log(t.memberB1.id, metrics.volume.id, "2027-03-10", 900_000); // another branch: never counted here
});

describe("rank.card", () => {
  it("the viewer's own card: every requirement, the legs, paid-as vs highest, the pace and the leg to grow", async () => {
    const card = await leader.rank.card({ teamId: teamId() });
    expect(card.subject).toMatchObject({ id: t.leaderA.id, isViewer: true });
    expect(card.period).toMatchObject({ value: "2027-03", isCurrent: true });
    expect(card.periods.map((p) => p.value).slice(0, 3)).toEqual(["2027-03", "2027-02", "2027-01"]);
    expect(card.paidAs?.name).toBe("Silver");
    expect(card.highest).toMatchObject({ name: "Silver", month: "2027-03" });
    expect(card.target).toMatchObject({ name: "Gold", met: false, legCap: 75_000, legRankName: "Silver" });
    expect(Object.fromEntries(card.lines.map((l) => [l.key, [l.required, l.actual, l.remaining, l.percent]]))).toEqual({
      personalVolume: [10_000, 20_000, 0, 100],
      teamVolume: [150_000, 105_000, 45_000, 70], // 20k own + 55k (Mia's leg) + 30k (Mo's leg)
      qualifiedLegs: [2, 1, 1, 50], // Mia's leg holds Silver; Mo's does not
      activeMembers: [2, 3, 0, 100],
      personallySponsored: [1, 1, 0, 100],
    });
    expect(card.legs.map((l) => [l.id, l.volume, l.counted, l.heldRank, l.holds])).toEqual([
      [t.memberA1.id, 55_000, 55_000, "Silver", true],
      [t.memberA2.id, 30_000, 30_000, null, false],
    ]);
    // Everyone doubles their March volume over the 10 open days left (30k over the last 10 open days, 3k a day for
    // Mo): Mo's leg holds Silver after 7 open days — on Friday 26 March — and the team volume is there by then.
    expect(card.projection).toEqual({ qualifiesNow: false, date: "2027-03-26", atEnd: null });
    // Right now: Mo's leg needs 20k more to hold Silver and 45k more to bring the team volume to 150k.
    expect(card.growLeg).toEqual({ id: t.memberA2.id, name: "Mo A2", amount: 45_000 });
  });

  it("another period: last month's card (paid nothing) keeps the highest rank; no projection for a past month", async () => {
    const card = await leader.rank.card({ teamId: teamId(), period: "2027-02" });
    expect(card.period.isCurrent).toBe(false);
    expect(card.paidAs).toBeNull();
    expect(card.highest).toMatchObject({ name: "Silver" });
    expect(card.target?.name).toBe("Silver");
    expect(card.projection).toBeNull();
    await expect(leader.rank.card({ teamId: teamId(), period: "2025-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("a leader's branch member's card, against a chosen rank", async () => {
    const card = await leader.rank.card({ teamId: teamId(), membershipId: t.memberA1.id, rankId: silverId });
    expect(card.subject).toMatchObject({ id: t.memberA1.id, name: "Mia A1", isViewer: false });
    expect(card.target).toMatchObject({ name: "Silver", met: true });
    expect(card.paidAs?.name).toBe("Silver");
    expect(card.legs.map((l) => l.id)).toEqual([t.memberA1a.id]);
    const member = await env.as(t.memberA1.id);
    expect((await member.rank.card({ teamId: teamId(), membershipId: t.memberA1a.id })).subject.id).toBe(
      t.memberA1a.id,
    );
  });

  it("is NOT_FOUND outside the caller's branch, and for someone of another team", async () => {
    const otherLeader = await env.as(t.leaderB.id);
    const sibling = await env.as(t.memberA2.id);
    const member = await env.as(t.memberA1a.id);
    for (const [caller, membershipId] of [
      [otherLeader, t.memberA1.id],
      [sibling, t.memberA1.id],
      [member, t.leaderA.id],
      [leader, t.memberB1.id],
    ] as const) {
      await expect(caller.rank.card({ teamId: teamId(), membershipId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(leader.rank.card({ teamId: teamId(), rankId: "c".repeat(25) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("rank.savePlan", () => {
  it("saves a member's plan as one published goal per requirement, rooted at them, with the same deadline", async () => {
    const member = await env.as(t.memberA1.id);
    const saved = await member.rank.savePlan({ teamId: teamId(), rankId: goldId, deadline: "2027-03-31" });
    expect(saved.goals).toHaveLength(3);
    const goals = await env.db.goal.findMany({
      where: { rankPlanId: saved.id },
      select: { name: true, status: true, rootMembershipId: true, target: true, deadline: true, startDate: true },
      orderBy: { createdAt: "asc" },
    });
    expect(goals.map((g) => [g.name, g.status, g.rootMembershipId, g.target])).toEqual([
      ["Gold: personal volume", "PUBLISHED", t.memberA1.id, 10_000],
      ["Gold: team volume", "PUBLISHED", t.memberA1.id, 150_000],
      ["Gold: personally sponsored", "PUBLISHED", t.memberA1.id, 1],
    ]);
    expect(new Set(goals.map((g) => g.deadline.toISOString().slice(0, 10)))).toEqual(new Set(["2027-03-31"]));
    expect(new Set(goals.map((g) => g.startDate.toISOString().slice(0, 10)))).toEqual(new Set(["2027-03-01"]));
    // They cascade like any goal: Max (below Mia) has targets in the team volume goal.
    const maxTargets = await targetTable(env.db).count({
      where: { membershipId: t.memberA1a.id, goal: { rankPlanId: saved.id } },
    });
    expect(maxTargets).toBe(3);
    const plans = await member.rank.myPlans({ teamId: teamId() });
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ id: saved.id, rank: { name: "Gold" }, deadline: "2027-03-31" });
    expect(plans[0]!.goals.map((g) => g.name)).toHaveLength(3);
    expect(await (await env.as(t.leaderA.id)).rank.myPlans({ teamId: teamId() })).toEqual([]);
    const audit = await env.db.auditEvent.findFirst({ where: { action: "rank.plan.save", actorId: t.memberA1.id } });
    expect(audit?.data).toMatchObject({ rankPlanId: saved.id, rank: "Gold" });
  });

  it("refuses a past deadline and a rank of another team, and saves nothing", async () => {
    const member = await env.as(t.memberA2.id);
    await expect(
      member.rank.savePlan({ teamId: teamId(), rankId: goldId, deadline: "2027-03-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      member.rank.savePlan({ teamId: teamId(), rankId: "c".repeat(25), deadline: "2027-04-30" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await env.db.rankPlan.count({ where: { membershipId: t.memberA2.id } })).toBe(0);
  });
});

describe("rank.save rules", () => {
  it("keeps the leg rules, refuses a leg rank of another team or itself, and audits every change", async () => {
    const owner = await env.as(t.owner.id);
    await expect(
      owner.rank.save({ teamId: teamId(), rankId: goldId, name: "Gold", position: 1, legRankId: goldId }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.rank.save({ teamId: teamId(), name: "Ruby", position: 5, legCapPct: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const ranks = await owner.rank.list({ teamId: teamId() });
    expect(ranks.find((r) => r.id === goldId)).toMatchObject({ legCapPct: 50, legRankId: silverId, activeMembers: 2 });
    expect(await env.db.auditEvent.count({ where: { action: { in: ["rank.create", "rank.update"] } } })).toBe(2);
  });
});

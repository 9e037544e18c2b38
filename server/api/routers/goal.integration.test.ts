/**
 * The Plan journey through the goal router: preview, create, publish, overrides kept on rebalance, re-plans with
 * "what changes for whom", the change history a member sees, version conflicts, next month from last month,
 * member proposals and who may plan what.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { targetTable } from "@/tests/target-table";
import { addDays, startOfPeriod } from "@/server/domain/calendar";
import type { TGoalFieldsInput } from "@/server/schemas/goal";
import { teamToday } from "@/server/clock";
import { addDailyTotal, makeFunnelMetrics } from "@/tests/factories";
import { setUpTestDatabase, type TestCaller, type TestTree } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "once" });
let t: TestTree;
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;
let today: string;
const as: Record<string, TestCaller> = {};

beforeAll(async () => {
  const db = env.db;
  t = env.t;
  m = await makeFunnelMetrics(db, { teamId: t.team.id });
  today = teamToday(await db.team.findUniqueOrThrow({ where: { id: t.team.id }, select: { timeZone: true } }));
  // Mo has 10 minutes a day: far too little for his share, so his plan is flagged.
  await db.membership.update({ where: { id: t.memberA2.id }, data: { minutesPerDay: 10 } });
  for (const [name, id] of Object.entries({
    owner: t.owner.id,
    leaderA: t.leaderA.id,
    leaderB: t.leaderB.id,
    memberA1: t.memberA1.id,
    memberA1a: t.memberA1a.id,
    memberA2: t.memberA2.id,
  })) {
    as[name] = await env.as(id);
  }
});

const teamId = () => t.team.id;
const deadline = () => addDays(today, 55);

function goalInput(
  over: Partial<TGoalFieldsInput> & { publish?: boolean } = {},
): TGoalFieldsInput & { teamId: string; publish?: boolean } {
  return {
    teamId: teamId(),
    name: "Volume push",
    metricId: m.volume.id,
    target: 400_000,
    startDate: today,
    deadline: deadline(),
    curve: "CUSTOM",
    checkpoints: [
      { weeksToGo: 4, cumulative: 150_000 },
      { weeksToGo: 2, cumulative: 300_000 },
      { weeksToGo: 1, cumulative: 350_000 },
    ],
    ...over,
  };
}

async function targetsOf(goalId: string) {
  const rows = await targetTable(env.db).findMany({
    where: { goalId },
    select: { membershipId: true, personal: true, team: true, personalOverride: true },
  });
  return new Map(rows.map((r) => [r.membershipId, r]));
}

describe("goal router: preview, create, publish", () => {
  it("previews a leader's goal: chart days, periods, checkpoints, the cascade and flagged members — and writes nothing", async () => {
    const p = await as.leaderA!.goal.preview(goalInput());
    expect(p.rootMembershipId).toBe(t.leaderA.id);
    expect(p.plan.checkpoints.map((c) => c.cumulative)).toEqual(expect.arrayContaining([150_000, 300_000, 350_000]));
    expect(p.plan.days.at(-1)!.cumulative).toBe(400_000);
    expect(p.plan.periods.length).toBeGreaterThanOrEqual(8);
    // Four people in Leo's team, 100,000 each; Mia's team target includes Max.
    const byId = new Map(p.members.map((x) => [x.id, x]));
    expect(p.members).toHaveLength(4);
    expect(byId.get(t.leaderA.id)).toMatchObject({ personal: 100_000, team: 400_000 });
    expect(byId.get(t.memberA1.id)).toMatchObject({ personal: 100_000, team: 200_000 });
    expect(byId.get(t.memberA1.id)!.needs.map((n) => n.key)).toEqual(["contacts", "presentations", "sponsors"]);
    expect(p.flagged.map((f) => f.name)).toContain("Mo A2");
    expect(p.flagged.find((f) => f.name === "Mo A2")!.minutesPerDayNeeded).toBeGreaterThan(10);
    expect(await env.db.goal.count({ where: { teamId: teamId() } })).toBe(0);
  });

  it("creates a draft, publishes it once (a second publish with the same version is a CONFLICT) and members get their targets", async () => {
    const draft = await as.leaderA!.goal.create(goalInput({ name: "Leo's push" }));
    expect(draft.status).toBe("DRAFT");
    expect(await targetTable(env.db).count({ where: { goalId: draft.id } })).toBe(0);
    const published = await as.leaderA!.goal.publish({ teamId: teamId(), goalId: draft.id, version: draft.version });
    expect(published).toMatchObject({ members: 4, version: draft.version + 1 });
    await expect(
      as.leaderA!.goal.publish({ teamId: teamId(), goalId: draft.id, version: draft.version }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const plan = await as.memberA1!.goal.myPlan({ teamId: teamId() });
    const mine = plan.goals.find((g) => g.goal.id === draft.id)!;
    expect(mine).toMatchObject({ personalTarget: 100_000, teamTarget: 200_000 });
    // The member sees the goal with themselves and their downline only.
    const seen = await as.memberA1!.goal.get({ teamId: teamId(), goalId: draft.id });
    expect(seen.manages).toBe(false);
    expect(seen.members.map((x) => x.name).sort()).toEqual(["Max A1a", "Mia A1"]);
    // Publishing is in the history every member sees.
    const history = await as.memberA1!.goal.history({ teamId: teamId(), goalId: draft.id });
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reason: "Goal published",
          field: "personal",
          toValue: 100_000,
          actorName: "Leo Leader A",
        }),
      ]),
    );
  });

  it("rejects a goal that cannot be planned with a clear message", async () => {
    await expect(as.owner!.goal.preview(goalInput({ deadline: addDays(today, -5) }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      as.owner!.goal.create(
        goalInput({
          checkpoints: [
            { weeksToGo: 2, cumulative: 300_000 },
            { weeksToGo: 1, cumulative: 100_000 },
          ],
        }),
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("goal router: who may plan what", () => {
  it("a member without a downline cannot create a goal; a leader only within their downline", async () => {
    await expect(as.memberA1a!.goal.create(goalInput())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as.memberA1a!.goal.preview(goalInput({ rootMembershipId: t.memberA1a.id }))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only the team owner, leaders and sponsors with a downline can set goals.",
    });
    await expect(as.leaderA!.goal.create(goalInput({ rootMembershipId: t.leaderB.id }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(as.leaderA!.goal.preview(goalInput({ rootMembershipId: t.memberB1.id }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(as.leaderA!.goal.create(goalInput({ rootMembershipId: t.owner.id }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Inside Leo's downline is fine.
    const sub = await as.leaderA!.goal.preview(goalInput({ rootMembershipId: t.memberA1.id }));
    expect(sub.members.map((x) => x.name).sort()).toEqual(["Max A1a", "Mia A1"]);
  });

  it("roles follow the tree: a sponsor with a downline sets goals for their own branch, unless the team says no", async () => {
    // memberA1 (a plain MEMBER) sponsors memberA1a.
    const own = await as.memberA1!.goal.preview(goalInput({ rootMembershipId: t.memberA1.id }));
    expect(own.members.map((x) => x.name).sort()).toEqual(["Max A1a", "Mia A1"]);
    // Not above their branch, not beside it.
    await expect(as.memberA1!.goal.preview(goalInput({ rootMembershipId: t.leaderA.id }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(as.memberA1!.goal.preview(goalInput({ rootMembershipId: t.memberA2.id }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await env.db.team.update({ where: { id: teamId() }, data: { sponsorsLeadBranches: false } });
    try {
      await expect(
        (await env.as(t.memberA1.id)).goal.preview(goalInput({ rootMembershipId: t.memberA1.id })),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    } finally {
      await env.db.team.update({ where: { id: teamId() }, data: { sponsorsLeadBranches: true } });
    }
  });

  it("a member cannot change another's target, and another leader cannot change a goal outside their subtree", async () => {
    const goal = (await as.leaderA!.goal.list({ teamId: teamId() })).find((g) => g.name === "Leo's push")!;
    const change = { kind: "override" as const, membershipId: t.memberA1a.id, personal: 1 };
    await expect(
      as.memberA1!.goal.applyChange({ teamId: teamId(), goalId: goal.id, version: goal.version, change }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as.memberA1!.goal.previewChange({ teamId: teamId(), goalId: goal.id, change })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      as.leaderB!.goal.applyChange({ teamId: teamId(), goalId: goal.id, version: goal.version, change }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await targetsOf(goal.id)).get(t.memberA1a.id)!.personal).toBe(100_000);
    expect((await as.leaderB!.goal.list({ teamId: teamId() })).map((g) => g.id)).not.toContain(goal.id);
  });
});

describe("goal router: changes after publishing", () => {
  let goalId = "";
  let version = 0;

  beforeAll(async () => {
    // The whole team (7 people): £7,000 → £1,000 each.
    const created = await as.owner!.goal.create(
      goalInput({ name: "Team month", target: 700_000, curve: "LINEAR", checkpoints: [], publish: true }),
    );
    goalId = created.id;
    version = created.version;
  });

  it("sets a member's target by hand: preview says who changes, saving rebalances the others and records it", async () => {
    const change = { kind: "override" as const, membershipId: t.memberA2.id, personal: 250_000 };
    const preview = await as.owner!.goal.previewChange({ teamId: teamId(), goalId, change });
    expect(preview.canApply).toBe(true);
    const mo = preview.members.find((d) => d.membershipId === t.memberA2.id)!;
    expect(mo).toMatchObject({
      name: "Mo A2",
      personal: { from: 100_000, to: 250_000 },
      personalOverride: { from: null, to: 250_000 },
    });
    // The other six share the remaining 450,000: 75,000 each.
    const others = preview.members.filter((d) => d.membershipId !== t.memberA2.id);
    expect(others).toHaveLength(6);
    expect(others.every((d) => d.personal.from === 100_000 && d.personal.to === 75_000)).toBe(true);
    expect(await targetsOf(goalId).then((x) => x.get(t.memberA2.id)!.personal)).toBe(100_000); // not saved yet

    const saved = await as.owner!.goal.applyChange({ teamId: teamId(), goalId, version, change });
    expect(saved.version).toBe(version + 1);
    version = saved.version;
    const rows = await targetsOf(goalId);
    expect(rows.get(t.memberA2.id)).toMatchObject({ personal: 250_000, personalOverride: 250_000 });
    expect(rows.get(t.owner.id)!.team).toBe(700_000);
  });

  it("keeps the manual override when the target changes, and shows who changes before saving", async () => {
    const change = { kind: "target" as const, target: 1_000_000 };
    const preview = await as.owner!.goal.previewChange({ teamId: teamId(), goalId, change });
    expect(preview.goal).toEqual([{ field: "target", from: 700_000, to: 1_000_000 }]);
    expect(preview.members.find((d) => d.membershipId === t.memberA2.id)?.personal.to ?? 250_000).toBe(250_000);
    expect(preview.members.find((d) => d.membershipId === t.memberA1.id)!.personal).toEqual({
      from: 75_000,
      to: 125_000,
    });
    const saved = await as.owner!.goal.applyChange({
      teamId: teamId(),
      goalId,
      version,
      change,
      reason: "Great start",
    });
    version = saved.version;
    const rows = await targetsOf(goalId);
    expect(rows.get(t.memberA2.id)!.personal).toBe(250_000);
    expect(rows.get(t.memberA1.id)!.personal).toBe(125_000);
    expect(rows.get(t.owner.id)!.team).toBe(1_000_000);
  });

  it("moves the deadline and changes the split with a preview of what changes", async () => {
    const moved = await as.owner!.goal.previewChange({
      teamId: teamId(),
      goalId,
      change: { kind: "deadline", deadline: addDays(deadline(), 14) },
    });
    expect(moved.goal).toEqual([{ field: "deadline", from: deadline(), to: addDays(deadline(), 14) }]);
    version = (
      await as.owner!.goal.applyChange({
        teamId: teamId(),
        goalId,
        version,
        change: { kind: "deadline", deadline: addDays(deadline(), 14) },
      })
    ).version;
    expect((await as.memberA1!.goal.get({ teamId: teamId(), goalId })).goal.deadline).toBe(addDays(deadline(), 14));

    // Split by history: Mia sold the most in the weeks before the start, so she gets the biggest share.
    await addDailyTotal(env.db, {
      teamId: teamId(),
      membershipId: t.memberA1.id,
      metricId: m.volume.id,
      day: addDays(today, -3),
      total: 90_000,
    });
    const split = await as.owner!.goal.previewChange({
      teamId: teamId(),
      goalId,
      change: { kind: "split", splitRule: "HISTORY" },
    });
    expect(split.goal).toEqual([{ field: "splitRule", from: "EVEN", to: "HISTORY" }]);
    const mia = split.members.find((d) => d.membershipId === t.memberA1.id)!;
    expect(mia.personal.to).toBeGreaterThan(mia.personal.from);
    const total = split.members.reduce((s, d) => s + d.personal.to - d.personal.from, 0);
    expect(total).toBe(0); // a re-split moves amounts between people, never changes the total
  });

  it("records every change (who, when, from → to) so the member sees why their target changed", async () => {
    const history = await as.memberA2!.goal.history({ teamId: teamId(), goalId });
    const byHand = history.find((h) => h.reason === "Target set by hand for Mo A2")!;
    expect(byHand).toMatchObject({
      membershipId: t.memberA2.id,
      field: "personal",
      fromValue: 100_000,
      toValue: 250_000,
      actorName: "Olivia Owner",
    });
    expect(byHand.createdAt).toBeInstanceOf(Date);
    expect(history.find((h) => h.field === "target")).toMatchObject({
      reason: "Great start",
      fromValue: 700_000,
      toValue: 1_000_000,
    });
    expect(history.find((h) => h.field === "deadline")).toMatchObject({
      data: { from: deadline(), to: addDays(deadline(), 14) },
    });
    const mia = await as.memberA1!.goal.history({ teamId: teamId(), goalId });
    expect(mia.find((h) => h.membershipId === t.memberA1.id && h.reason === "Great start")).toMatchObject({
      fromValue: 75_000,
      toValue: 125_000,
    });
    // Members only see their own (and their downline's) history.
    await expect(
      as.memberA2!.goal.history({ teamId: teamId(), goalId, membershipId: t.memberA1.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await as.memberA1!.goal.history({ teamId: teamId(), goalId, membershipId: t.memberA1a.id })).length,
    ).toBeGreaterThan(0);
  });

  it("two leaders saving with the same version: the second gets a clear CONFLICT and nothing of theirs is saved", async () => {
    const leoGoal = (await as.leaderA!.goal.list({ teamId: teamId() })).find((g) => g.name === "Leo's push")!;
    await as.leaderA!.goal.applyChange({
      teamId: teamId(),
      goalId: leoGoal.id,
      version: leoGoal.version,
      change: { kind: "override", membershipId: t.memberA1.id, personal: 50_000 },
    });
    await expect(
      as.owner!.goal.applyChange({
        teamId: teamId(),
        goalId: leoGoal.id,
        version: leoGoal.version,
        change: { kind: "override", membershipId: t.memberA1.id, personal: 180_000 },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Someone else changed this goal") });
    expect((await targetsOf(leoGoal.id)).get(t.memberA1.id)!.personal).toBe(50_000);
  });

  it("refuses a hand-set target that cannot fit, saying why", async () => {
    const preview = await as.owner!.goal.previewChange({
      teamId: teamId(),
      goalId,
      change: { kind: "override", membershipId: t.memberA2.id, personal: 5_000_000 },
    });
    expect(preview.canApply).toBe(false);
    expect(preview.conflicts[0]!.message.length).toBeGreaterThan(10);
    await expect(
      as.owner!.goal.applyChange({
        teamId: teamId(),
        goalId,
        version,
        change: { kind: "override", membershipId: t.memberA2.id, personal: 5_000_000 },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Not saved") });
    expect((await targetsOf(goalId)).get(t.memberA2.id)!.personal).toBe(250_000);
  });
});

describe("goal router: next month and proposals", () => {
  it("proposes next month's target from last month's actuals with a stretch", async () => {
    const goalId = (await as.owner!.goal.list({ teamId: teamId() })).find((g) => g.name === "Team month")!.id;
    const lastMonth = startOfPeriod(addDays(startOfPeriod(today, "month"), -1), "month");
    const log = (membershipId: string, day: string, total: number) =>
      addDailyTotal(env.db, { teamId: teamId(), membershipId, metricId: m.volume.id, day, total });
    await log(t.memberB1.id, lastMonth, 300_000);
    await log(t.memberA1a.id, addDays(lastMonth, 5), 100_000);
    await log(t.memberA1a.id, startOfPeriod(today, "month"), 77_000); // this month: not counted
    const next = await as.owner!.goal.proposeNext({ teamId: teamId(), goalId, stretchPercent: 10 });
    // Mia's 90,000 three days ago counts too when it fell in last month.
    const miaLast = addDays(today, -3) < startOfPeriod(today, "month") ? 90_000 : 0;
    expect(next.lastMonth).toMatchObject({
      start: lastMonth,
      end: addDays(startOfPeriod(today, "month"), -1),
      actual: 400_000 + miaLast,
    });
    expect(next.target).toBeGreaterThanOrEqual(((400_000 + miaLast) * 110) / 100);
    expect(next.target).toBeLessThan(((400_000 + miaLast) * 112) / 100);
    expect(next.nextMonth.start > today).toBe(true);
    await expect(as.memberA1!.goal.proposeNext({ teamId: teamId(), goalId, stretchPercent: 10 })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
  });

  it("a member proposes a target; only whoever may change the goal decides; accepting fixes it, declining changes nothing", async () => {
    const goal = (await as.memberA2!.goal.list({ teamId: teamId() })).find((g) => g.name === "Team month")!;
    const before = await targetsOf(goal.id);
    const p1 = await as.memberA1a!.goal.proposeTarget({
      teamId: teamId(),
      goalId: goal.id,
      proposed: 90_000,
      note: "New baby in January",
    });
    expect(p1.status).toBe("PENDING");

    // "Team month" is the owner's team-wide goal: Leo (Max's upline) may not change it, so he does not decide on it.
    expect((await as.leaderA!.goal.proposals({ teamId: teamId() })).inbox).toEqual([]);
    await expect(
      as.leaderA!.goal.decideProposal({ teamId: teamId(), proposalId: p1.id, decision: "ACCEPT" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This goal is set for the whole team: only the team owner can decide proposals on it.",
    });
    const ownerInbox = await as.owner!.goal.proposals({ teamId: teamId() });
    expect(ownerInbox.inbox).toEqual([
      expect.objectContaining({
        id: p1.id,
        memberName: "Max A1a",
        proposed: 90_000,
        current: before.get(t.memberA1a.id)!.personal,
      }),
    ]);
    expect((await as.leaderB!.goal.proposals({ teamId: teamId() })).inbox).toEqual([]);
    await expect(
      as.leaderB!.goal.decideProposal({ teamId: teamId(), proposalId: p1.id, decision: "ACCEPT" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      as.memberA1a!.goal.decideProposal({ teamId: teamId(), proposalId: p1.id, decision: "ACCEPT" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await as.owner!.goal.decideProposal({
      teamId: teamId(),
      proposalId: p1.id,
      decision: "DECLINE",
      note: "Let's talk",
    });
    expect((await targetsOf(goal.id)).get(t.memberA1a.id)!.personal).toBe(before.get(t.memberA1a.id)!.personal);
    expect((await as.memberA1a!.goal.proposals({ teamId: teamId() })).mine[0]).toMatchObject({
      status: "DECLINED",
      decisionNote: "Let's talk",
    });
    await expect(
      as.owner!.goal.decideProposal({ teamId: teamId(), proposalId: p1.id, decision: "ACCEPT" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const p2 = await as.memberA1a!.goal.proposeTarget({ teamId: teamId(), goalId: goal.id, proposed: 90_000 });
    await as.owner!.goal.decideProposal({ teamId: teamId(), proposalId: p2.id, decision: "ACCEPT" });
    const after = await targetsOf(goal.id);
    expect(after.get(t.memberA1a.id)).toMatchObject({ personal: 90_000, personalOverride: 90_000 });
    expect(after.get(t.owner.id)!.team).toBe(before.get(t.owner.id)!.team);
    const history = await as.memberA1a!.goal.history({ teamId: teamId(), goalId: goal.id });
    expect(history[0]).toMatchObject({
      reason: "Proposal from Max A1a accepted",
      toValue: 90_000,
      actorName: "Olivia Owner",
    });
  });
});

describe("goal router: amounts the database cannot hold", () => {
  it("refuses a target above the stored-amount limit with a clear message, and writes nothing", async () => {
    const before = await env.db.goal.count();
    await expect(
      as.owner!.goal.create(goalInput({ target: 2 ** 31, checkpoints: [], curve: "LINEAR", publish: true })),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/too large/) as unknown,
    });
    expect(await env.db.goal.count()).toBe(before);
  });
});

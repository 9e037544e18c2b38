/**
 * "Re-plan the rest" through the router on a real database: a member re-plans only their own plan, a leader only
 * within their branch (NOT_FOUND outside it), a stale version is refused, the branch's numbers add up exactly, the
 * history shows it, and My plan then reads the re-planned milestones. The clock is TEST_NOW: Wednesday 17 Mar 2027.
 */
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { addDailyTotal, makeMarchSalesGoal, makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });
let goal: { id: string; version: number };
let metricId: string;

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

beforeEach(async () => {
  const t = env.t;
  metricId = (await makeMetric(env.db, { teamId: t.team.id, key: "sales", kind: "RESULT", unit: "COUNT" })).id;
  // 23 open days in March 2027; 7 members, even split: 230 each (1,610 in all).
  const created = await makeMarchSalesGoal(env.db, t, metricId);
  const row = await env.db.goal.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, version: true } });
  goal = row;
  // Mia (A1) and Max (A1a) are behind: 20 and 5 done by Tuesday.
  const log = (membershipId: string, day: string, total: number) =>
    addDailyTotal(env.db, { teamId: t.team.id, membershipId, metricId, day, total });
  await log(t.memberA1.id, "2027-03-02", 12);
  await log(t.memberA1.id, "2027-03-16", 8);
  await log(t.memberA1a.id, "2027-03-09", 5);
});

describe("re-plan the rest", () => {
  it("a member re-plans their own rest: the new milestones reach their target exactly, and My plan reads them", async () => {
    const t = env.t;
    const mia = await env.as(t.memberA1.id);
    const input = { teamId: t.team.id, goalId: goal.id, memberId: t.memberA1.id };
    const preview = await mia.goal.previewReplan(input);
    expect(preview.fromDate).toBe("2027-03-17");
    expect(preview.members).toHaveLength(1);
    const me = preview.members[0]!;
    expect(me).toMatchObject({ id: t.memberA1.id, target: 230, done: 20 });
    // From today's period on, the rest is exactly what is missing (the week's part before today was done already).
    const after = preview.periods.reduce((s, p) => s + p.after, 0);
    const doneThisWeekBeforeToday = 8;
    expect(after - doneThisWeekBeforeToday).toBe(230 - 20);
    expect(me.today.after).toBeGreaterThan(me.today.before);

    const applied = await mia.goal.applyReplan({ ...input, version: goal.version });
    expect(applied).toMatchObject({ version: goal.version + 1, replanned: 1, fromDate: "2027-03-17" });
    expect(await env.db.targetReplan.count({ where: { goalId: goal.id } })).toBe(1);

    const history = await mia.goal.history({ teamId: t.team.id, goalId: goal.id });
    expect(history[0]).toMatchObject({ field: "replan", fromValue: 20, toValue: 230 });
    expect(await env.db.auditEvent.count({ where: { action: "goal.replanned", subjectId: t.memberA1.id } })).toBe(1);

    const plan = await mia.goal.myPlan({ teamId: t.team.id });
    const g = plan.goals.find((x) => x.goal.id === goal.id)!;
    expect(g.milestones.at(-1)!.cumulative).toBe(230);
    const week = g.milestones.find((m) => m.periodStart <= "2027-03-17" && "2027-03-17" <= m.periodEnd)!;
    const lastWeek = g.milestones[g.milestones.indexOf(week) - 1]!;
    // Before today the plan reads what was done; from today, the re-phased rest.
    expect(lastWeek.cumulative).toBe(12);
    expect(week.planned).toBe(preview.periods[0]!.after);
    // On pace against the re-plan (nothing of it is due before today).
    expect(g.pace.expected).toBe(20);
    expect(g.pace.status).toBe("on_track");
  });

  it("a member re-plans only their own: FORBIDDEN for their downline when sponsors may not lead, NOT_FOUND outside", async () => {
    const t = env.t;
    const on = (memberId: string) => ({ teamId: t.team.id, goalId: goal.id, memberId });
    const mo = await env.as(t.memberA2.id);
    // Roles follow the tree: Mia (a plain member) sponsors Max, so she re-plans his rest and her branch's…
    const mia = await env.as(t.memberA1.id);
    await expect(mia.goal.previewReplan(on(t.memberA1a.id))).resolves.toMatchObject({
      members: [{ id: t.memberA1a.id }],
    });
    await expect(mia.goal.previewReplan({ ...on(t.memberA1.id), branch: true })).resolves.toBeDefined();
    // …unless the team does not let sponsors lead.
    await env.db.team.update({ where: { id: t.team.id }, data: { sponsorsLeadBranches: false } });
    const plainMia = await env.as(t.memberA1.id);
    try {
      await expect(plainMia.goal.previewReplan(on(t.memberA1a.id)).catch(code)).resolves.toBe("FORBIDDEN");
      await expect(plainMia.goal.previewReplan({ ...on(t.memberA1.id), branch: true }).catch(code)).resolves.toBe(
        "FORBIDDEN",
      );
    } finally {
      await env.db.team.update({ where: { id: t.team.id }, data: { sponsorsLeadBranches: true } });
    }
    await expect(mo.goal.previewReplan(on(t.memberA1.id)).catch(code)).resolves.toBe("NOT_FOUND");
    await expect(mo.goal.applyReplan({ ...on(t.memberA1.id), version: goal.version }).catch(code)).resolves.toBe(
      "NOT_FOUND",
    );
    expect(await env.db.targetReplan.count({ where: { goalId: goal.id } })).toBe(0);
  });

  it("a leader re-plans a branch within theirs (the numbers add up exactly); another leader gets NOT_FOUND", async () => {
    const t = env.t;
    const leo = await env.as(t.leaderA.id);
    const lara = await env.as(t.leaderB.id);
    const input = { teamId: t.team.id, goalId: goal.id, memberId: t.memberA1.id, branch: true };
    await expect(lara.goal.previewReplan(input).catch(code)).resolves.toBe("NOT_FOUND");
    await expect(lara.goal.applyReplan({ ...input, version: goal.version }).catch(code)).resolves.toBe("NOT_FOUND");

    const preview = await leo.goal.previewReplan(input);
    expect(preview.members.map((m) => m.id)).toEqual([t.memberA1.id, t.memberA1a.id]);
    expect(preview.total).toMatchObject({ target: 460, done: 25 });
    // The branch's weeks are exactly the sum of its members' (checked against each member's own preview).
    const alone = await Promise.all(
      [t.memberA1.id, t.memberA1a.id].map((memberId) => leo.goal.previewReplan({ ...input, memberId, branch: false })),
    );
    preview.periods.forEach((p, i) => {
      expect(p.after).toBe(alone[0]!.periods[i]!.after + alone[1]!.periods[i]!.after);
      expect(p.before).toBe(alone[0]!.periods[i]!.before + alone[1]!.periods[i]!.before);
    });
    expect(preview.total.today.after).toBe(preview.members.reduce((s, m) => s + m.today.after, 0));

    await leo.goal.applyReplan({ ...input, version: goal.version });
    const rows = await env.db.targetReplan.findMany({ where: { goalId: goal.id }, orderBy: { base: "asc" } });
    expect(rows.map((r) => [r.membershipId, r.base])).toEqual([
      [t.memberA1a.id, 5],
      [t.memberA1.id, 20],
    ]);
    // Max sees it in his history, made by Leo.
    const max = await env.as(t.memberA1a.id);
    const history = await max.goal.history({ teamId: t.team.id, goalId: goal.id });
    expect(history[0]).toMatchObject({ field: "replan", fromValue: 5, toValue: 230, actorName: "Leo Leader A" });
  });

  it("a stale version is refused and writes nothing", async () => {
    const t = env.t;
    const owner = await env.as(t.owner.id);
    const input = { teamId: t.team.id, goalId: goal.id, memberId: t.memberA1.id };
    await owner.goal.applyReplan({ ...input, version: goal.version });
    await expect(owner.goal.applyReplan({ ...input, version: goal.version }).catch(code)).resolves.toBe("CONFLICT");
    expect(await env.db.targetChange.count({ where: { goalId: goal.id, field: "replan" } })).toBe(1);
  });

  it("a commitment turned into the re-plan is that week's number, and the target is still reached exactly", async () => {
    const t = env.t;
    const leo = await env.as(t.leaderA.id);
    const input = {
      teamId: t.team.id,
      goalId: goal.id,
      memberId: t.memberA1.id,
      commitment: { weekStart: "2027-03-22", amount: 50 },
    };
    const preview = await leo.goal.previewReplan(input);
    const week = preview.periods.find((p) => p.periodStart === "2027-03-22")!;
    expect(week.after).toBe(50);
    expect(preview.commitment).toEqual({ weekStart: "2027-03-22", amount: 50, applied: 50 });
    await leo.goal.applyReplan({ ...input, version: goal.version });
    const mia = await env.as(t.memberA1.id);
    const g = (await mia.goal.myPlan({ teamId: t.team.id })).goals.find((x) => x.goal.id === goal.id)!;
    expect(g.milestones.find((m) => m.periodStart === "2027-03-22")!.planned).toBe(50);
    expect(g.milestones.at(-1)!.cumulative).toBe(230);
    // A week outside what is left of the goal is refused.
    await expect(
      leo.goal.previewReplan({ ...input, commitment: { weekStart: "2027-04-05", amount: 10 } }).catch(code),
    ).resolves.toBe("BAD_REQUEST");
  });
});

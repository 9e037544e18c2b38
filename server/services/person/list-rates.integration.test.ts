/**
 * Rates from the names list (issue 18), on a real database: the member's conversion rates (profile) and My plan's
 * funnel use what their own list observed — people who reached the next stage of those who reached a stage — where
 * there are enough people, smoothed toward the team default like the Log's history; someone else's list never counts.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addDays } from "@/server/domain/calendar";
import { MIN_LIST_OBSERVATIONS } from "@/server/domain/list-rates";
import { makeFunnelMetrics, makeGoal } from "@/tests/factories";
import { getMemberPlan } from "@/server/services/goal/get-member-plan";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });

async function people(membershipId: string, stageMetricId: string | null, n: number) {
  await env.db.person.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      id: randomUUID(),
      teamId: env.t.team.id,
      membershipId,
      name: `P${i}`,
      stageMetricId,
      updatedAt: new Date(0),
    })),
  });
}

describe("rates from the list", () => {
  it("feed the profile's conversion rates and My plan where the list has enough people", async () => {
    const { t } = env;
    const teamId = t.team.id;
    const m = await makeFunnelMetrics(env.db, { teamId });
    // Ben: 20 people contacted, 8 of them had a presentation, 2 of those joined; 5 not contacted (not counted).
    await people(t.memberB1.id, m.contacts.id, 12);
    await people(t.memberB1.id, m.presentations.id, 6);
    await people(t.memberB1.id, m.sponsors.id, 2);
    await people(t.memberB1.id, null, 5);
    // Someone else's list never counts in Ben's rates.
    await people(t.leaderB.id, m.sponsors.id, 50);

    const ben = await env.as(t.memberB1.id);
    const r = await ben.member.conversionRates({ teamId });
    const sponsors = r.results.find((x) => x.result.id === m.sponsors.id)!;
    expect(sponsors.rates.map((x) => [x.source, x.trials, x.successes])).toEqual([
      ["list", 20, 8],
      ["list", 8, 2],
    ]);
    expect(sponsors.rates[0]!.rate).toBeCloseTo((8 + 10 / 3) / 30, 12);
    expect(sponsors.rates[1]!.rate).toBeCloseTo((2 + 10 * 0.1) / 18, 12);

    // My plan's funnel plans with the same rates.
    const { today } = await ben.member.profile({ teamId });
    await makeGoal(env.db, {
      teamId,
      rootMembershipId: t.owner.id,
      metricId: m.sponsors.id,
      target: 10,
      startDate: addDays(today, -1),
      deadline: addDays(today, 30),
      personal: new Map([[t.memberB1.id, 3]]),
    });
    const plan = await getMemberPlan(env.db, { teamId, membershipId: t.memberB1.id, asOf: today });
    const needs = plan.goals[0]!.needs;
    expect(needs.map((n) => n.rateSource)).toEqual(["list", "list"]);
    expect(needs[0]!.rate).toBeCloseTo(sponsors.rates[0]!.rate, 12);
    expect(needs[0]!.defaultRate).toBeCloseTo(1 / 3, 12);

    // The Log's today plans with the list's rates too (read in its one context query): the same numbers as My plan,
    // which differ from what the team's default rates alone would plan.
    const logDay = await ben.entry.day({ teamId });
    const planned = new Map(logDay.actions.filter((a) => a.planned > 0).map((a) => [a.metricId, a.planned]));
    expect(plan.todayActions.length).toBeGreaterThan(0);
    for (const a of plan.todayActions) expect(planned.get(a.metricId)).toBe(a.planned);
    await env.db.person.deleteMany({ where: { membershipId: t.memberB1.id } });
    const withoutList = await getMemberPlan(env.db, { teamId, membershipId: t.memberB1.id, asOf: today });
    expect(withoutList.todayActions).not.toEqual(plan.todayActions);
    const logWithoutList = await ben.entry.day({ teamId });
    const plannedWithout = new Map(
      logWithoutList.actions.filter((a) => a.planned > 0).map((a) => [a.metricId, a.planned]),
    );
    for (const a of withoutList.todayActions) expect(plannedWithout.get(a.metricId)).toBe(a.planned);

    // Below the threshold the Log decides (here: no history, the team default).
    const lara = await env.as(t.leaderA.id);
    await people(t.leaderA.id, m.contacts.id, MIN_LIST_OBSERVATIONS - 1);
    const few = (await lara.member.conversionRates({ teamId })).results.find((x) => x.result.id === m.sponsors.id)!;
    expect(few.rates.map((x) => x.source)).toEqual(["default", "default"]);
  });
});

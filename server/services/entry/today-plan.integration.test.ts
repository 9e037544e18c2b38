import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTeamScope } from "@/server/services/team/scope";
import { getMemberPlan } from "@/server/services/goal/get-member-plan";
import { addDays } from "@/server/domain/calendar";
import { atInstant } from "@/tests/clock";
import { makeDailyTotals, makeFunnelMetrics, makeGoal, makeTestTree } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { getLogDay } from "./get-log-day";
import { logEntries } from "./log-entries";
import { getTodayPlan } from "./today-plan";

const env = setUpTestDatabase({ tree: "once" });
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;
const db = () => env.db;
/** The member's own scope (as `teamProcedure` builds it), loaded inside the pinned instant. */
const scopeOf = async (membershipId: string) => {
  const row = await db().membership.findUniqueOrThrow({
    where: { id: membershipId },
    select: { userId: true, teamId: true },
  });
  return loadTeamScope(db(), { teamId: row.teamId, userId: row.userId });
};
const logDayAt = (instant: Date, membershipId: string) =>
  atInstant(instant.toISOString(), async () => getLogDay(db(), await scopeOf(membershipId), {}));
const logAt = (instant: Date, membershipId: string, entries: Parameters<typeof logEntries>[2]["entries"]) =>
  atInstant(instant.toISOString(), async () => logEntries(db(), await scopeOf(membershipId), { entries }));

beforeAll(async () => {
  m = await makeFunnelMetrics(db(), { teamId: env.t.team.id });
  await makeGoal(db(), {
    teamId: env.t.team.id,
    rootMembershipId: env.t.owner.id,
    metricId: m.volume.id,
    target: 700_000,
    startDate: "2026-11-02",
    deadline: "2026-11-27",
    name: "November volume",
  });
});

describe("the Log reads today's actions from the member's plan", () => {
  it("shows planned numbers, celebrates the day's plan once it is met, and the next day extends the streak", async () => {
    const tuesday = new Date("2026-11-24T12:00:00Z");
    const day = await logDayAt(tuesday, env.t.memberA1.id);
    const planned = day.actions.filter((a) => a.planned > 0);
    expect(planned.length).toBeGreaterThan(0);
    expect(day.actions[0]!.planned).toBeGreaterThan(0); // planned actions come first
    expect(day.streak).toMatchObject({ current: 0, todayMet: false });

    // Everything planned but one short: no celebration yet.
    const entries = planned.map((a) => ({ id: randomUUID(), metricId: a.metricId, amount: a.planned }));
    const first = entries[0]!;
    const rest = entries.slice(1);
    const almost = [{ ...first, amount: first.amount - 1 }, ...rest].filter((e) => e.amount > 0);
    const r1 = await logAt(tuesday, env.t.memberA1.id, almost);
    expect(r1.celebrations.map((c) => c.kind)).not.toContain("PLAN_DONE");
    const r2 = await logAt(tuesday, env.t.memberA1.id, [{ id: randomUUID(), metricId: first.metricId, amount: 1 }]);
    expect(r2.celebrations).toContainEqual(
      expect.objectContaining({ kind: "PLAN_DONE", title: "Today's plan done — well done!" }),
    );
    const after = await logDayAt(tuesday, env.t.memberA1.id);
    expect(after.streak).toMatchObject({ current: 1, todayMet: true });
    expect(after.week.find((w) => w.isToday)).toMatchObject({ met: true, percent: 100 });

    // Wednesday: meeting the plan again extends the streak to two days.
    const wednesday = new Date("2026-11-25T12:00:00Z");
    const next = await logDayAt(wednesday, env.t.memberA1.id);
    const todo = next.actions
      .filter((a) => a.planned > 0)
      .map((a) => ({ id: randomUUID(), metricId: a.metricId, amount: a.planned }));
    const r3 = await logAt(wednesday, env.t.memberA1.id, todo);
    expect(r3.celebrations).toContainEqual(
      expect.objectContaining({ kind: "STREAK", title: expect.stringContaining("2-day streak") }),
    );
  });
});

describe("streaks over closed days", () => {
  it("a day off between two met days does not break the streak: the second is a 2-day streak", async () => {
    const tree = await makeTestTree(db());
    const metrics = await makeFunnelMetrics(db(), { teamId: tree.team.id });
    await makeGoal(db(), {
      teamId: tree.team.id,
      rootMembershipId: tree.owner.id,
      metricId: metrics.volume.id,
      target: 700_000,
      startDate: "2026-11-02",
      deadline: "2026-11-27",
    });
    await db().memberDayOff.create({
      data: { membershipId: tree.memberA1.id, day: new Date("2026-11-24T00:00:00Z"), kind: "SICK" },
    });
    const meetPlan = async (day: string) => {
      const plan = await getTodayPlan(db(), { teamId: tree.team.id, membershipId: tree.memberA1.id, asOf: day });
      const entries = plan.actions
        .filter((a) => a.planned > 0)
        .map((a) => ({ id: randomUUID(), metricId: a.metricId, amount: a.planned }));
      expect(entries.length, day).toBeGreaterThan(0);
      return logAt(new Date(`${day}T12:00:00Z`), tree.memberA1.id, entries);
    };
    const monday = await meetPlan("2026-11-23");
    expect(monday.celebrations.map((c) => c.kind)).toContain("PLAN_DONE");
    // Tuesday is the member's sick day: nothing planned, so nothing to meet.
    expect(
      (await getTodayPlan(db(), { teamId: tree.team.id, membershipId: tree.memberA1.id, asOf: "2026-11-24" })).actions,
    ).toEqual([]);
    const wednesday = await meetPlan("2026-11-25");
    expect(wednesday.celebrations).toContainEqual(
      expect.objectContaining({ kind: "STREAK", title: expect.stringContaining("2-day streak") }),
    );
  });
});

describe("today's plan from the one-query Log context", () => {
  it("equals the Plan page's today's actions (getMemberPlan, the plan's own reads) with a history, on days before, inside and after the goal", async () => {
    const member = env.t.memberA2.id;
    // Some history for the member's conversion rates and for what is done since the goal started.
    const days = Array.from({ length: 40 }, (_, i) => addDays("2026-11-20", -i));
    for (const [metricId, every] of [
      [m.contacts.id, 1],
      [m.presentations.id, 2],
      [m.sponsors.id, 5],
      [m.volume.id, 7],
    ] as const) {
      await makeDailyTotals(db(), {
        teamId: env.t.team.id,
        metricId,
        totals: days
          .filter((_, i) => i % every === 0)
          .map((day, i) => ({ membershipId: member, day, total: 1 + (i % 4) })),
      });
    }
    // A second goal (on sponsors, later deadline): today's actions of both are merged.
    await makeGoal(db(), {
      teamId: env.t.team.id,
      rootMembershipId: env.t.owner.id,
      metricId: m.sponsors.id,
      target: 60,
      startDate: "2026-11-09",
      deadline: "2026-12-18",
      name: "Sponsors",
    });
    for (const asOf of ["2026-10-30", "2026-11-02", "2026-11-12", "2026-11-20", "2026-11-27", "2026-12-04"]) {
      const expected = (
        await getMemberPlan(db(), { teamId: env.t.team.id, membershipId: member, asOf })
      ).todayActions.map((a) => ({ metricId: a.metricId, planned: a.planned }));
      const plan = await getTodayPlan(db(), { teamId: env.t.team.id, membershipId: member, asOf });
      expect(plan.actions, asOf).toEqual(expected);
    }
    expect(
      (await getTodayPlan(db(), { teamId: env.t.team.id, membershipId: member, asOf: "2026-11-20" })).actions.some(
        (a) => a.planned > 0,
      ),
    ).toBe(true);
  });

  it("stays equal with a team holiday and the member's days off: spread over their open days, nothing on a closed day", async () => {
    const member = env.t.memberA1a.id;
    await db().teamHoliday.create({
      data: { teamId: env.t.team.id, day: new Date("2026-11-19T00:00:00Z"), name: "Founders' day" },
    });
    await db().memberDayOff.createMany({
      data: [
        { membershipId: member, day: new Date("2026-11-16T00:00:00Z"), kind: "HOLIDAY" },
        { membershipId: member, day: new Date("2026-11-17T00:00:00Z"), kind: "SICK" },
        // Another member's day off changes nothing for this one.
        { membershipId: env.t.memberA2.id, day: new Date("2026-11-13T00:00:00Z"), kind: "OTHER" },
      ],
    });
    for (const asOf of [
      "2026-11-12",
      "2026-11-13",
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
    ]) {
      const expected = (
        await getMemberPlan(db(), { teamId: env.t.team.id, membershipId: member, asOf })
      ).todayActions.map((a) => ({ metricId: a.metricId, planned: a.planned }));
      const plan = await getTodayPlan(db(), { teamId: env.t.team.id, membershipId: member, asOf });
      expect(plan.actions, asOf).toEqual(expected);
      if (["2026-11-16", "2026-11-17", "2026-11-19"].includes(asOf)) expect(plan.actions, asOf).toEqual([]);
      else
        expect(
          plan.actions.some((a) => a.planned > 0),
          asOf,
        ).toBe(true);
    }
    // The Log's context carries the closed days it planned with (for streaks), from the same one query.
    const plan = await getTodayPlan(db(), { teamId: env.t.team.id, membershipId: member, asOf: "2026-11-18" });
    expect(plan.closedDays).toEqual(["2026-11-16", "2026-11-17", "2026-11-19"]);
    // With the closed days ahead, the days before plan more: 16, 17 and 19 Nov are no longer working days.
    const withClosed = await getMemberPlan(db(), { teamId: env.t.team.id, membershipId: member, asOf: "2026-11-12" });
    await db().teamHoliday.deleteMany({ where: { teamId: env.t.team.id } });
    await db().memberDayOff.deleteMany({ where: { membershipId: { in: [member, env.t.memberA2.id] } } });
    const without = await getMemberPlan(db(), { teamId: env.t.team.id, membershipId: member, asOf: "2026-11-12" });
    expect(withClosed.goals[0]!.timeCheck.remainingWorkingDays).toBe(
      without.goals[0]!.timeCheck.remainingWorkingDays - 3,
    );
  });
});

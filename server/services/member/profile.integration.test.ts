/**
 * The member profile (issue 17): a member reads and edits their own profile only — minutes a day (audited, changing
 * My plan's time check at once), name — and sees their own conversion rates from their history next to the team's
 * defaults, with the number of observations.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/server/domain/calendar";
import { addDailyTotal, goalInput, makeFunnelMetrics } from "@/tests/factories";
import { codeOf } from "@/tests/caller";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "once" });
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;

beforeAll(async () => {
  const { t } = env;
  m = await makeFunnelMetrics(env.db, { teamId: t.team.id });
  const owner = await env.as(t.owner.id);
  const today = (await owner.member.profile({ teamId: t.team.id })).today;
  // A published team goal on sponsors (even split), so everyone has a plan with a time check.
  await owner.goal.create({
    teamId: t.team.id,
    ...goalInput({
      name: "Sponsors this quarter",
      metricId: m.sponsors.id,
      target: 70,
      startDate: today,
      deadline: addDays(today, 60),
    }),
  });
});

describe("member.profile", () => {
  it("is the caller's own: account, settings in this team, the default minutes when not said", async () => {
    const { t } = env;
    const mia = await env.as(t.memberA1.id);
    const p = await mia.member.profile({ teamId: t.team.id });
    expect(p).toMatchObject({
      membershipId: t.memberA1.id,
      name: "Mia A1",
      verified: true,
      hasPassword: true,
      pendingEmail: null,
      minutesPerDay: null,
      defaultMinutesPerDay: 60,
      splitWeight: 100,
      timeZone: null,
      reminderTime: null,
    });
    expect(p.email).toMatch(/@example\.test$/);
  });
});

describe("member.setMyMinutesPerDay", () => {
  it("sets the caller's minutes a day, audited, and My plan's time check uses them at once", async () => {
    const { t } = env;
    const max = await env.as(t.memberA1a.id);
    const before = (await max.goal.myPlan({ teamId: t.team.id })).goals[0]!;
    expect(before).toMatchObject({ minutesPerDay: 60, minutesPerDayAssumed: true });

    expect(await max.member.setMyMinutesPerDay({ teamId: t.team.id, minutesPerDay: 5 })).toEqual({ minutesPerDay: 5 });
    const after = (await max.goal.myPlan({ teamId: t.team.id })).goals[0]!;
    expect(after).toMatchObject({ minutesPerDay: 5, minutesPerDayAssumed: false });
    expect((await max.member.profile({ teamId: t.team.id })).minutesPerDay).toBe(5);

    const events = await env.db.auditEvent.findMany({
      where: { teamId: t.team.id, action: "member.minutes_per_day_changed", subjectId: t.memberA1a.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: t.memberA1a.id, data: { from: null, to: 5 } });

    // Setting the same value again changes nothing and writes no second event; clearing goes back to the default.
    await max.member.setMyMinutesPerDay({ teamId: t.team.id, minutesPerDay: 5 });
    await max.member.setMyMinutesPerDay({ teamId: t.team.id, minutesPerDay: null });
    const cleared = (await max.goal.myPlan({ teamId: t.team.id })).goals[0]!;
    expect(cleared).toMatchObject({ minutesPerDay: 60, minutesPerDayAssumed: true });
    expect(
      await env.db.auditEvent.count({
        where: { teamId: t.team.id, action: "member.minutes_per_day_changed", subjectId: t.memberA1a.id },
      }),
    ).toBe(2);
  });

  it("refuses what is not whole minutes in a day with a clear 400, and keeps the old value", async () => {
    const { t } = env;
    const mo = await env.as(t.memberA2.id);
    await mo.member.setMyMinutesPerDay({ teamId: t.team.id, minutesPerDay: 30 });
    for (const bad of [1441, -1, 12.5, Number.NaN]) {
      const error = await mo.member
        .setMyMinutesPerDay({ teamId: t.team.id, minutesPerDay: bad })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
    const tooMany = await mo.member
      .setMyMinutesPerDay({ teamId: t.team.id, minutesPerDay: 2000 })
      .catch((e: unknown) => (e as TRPCError).message);
    expect(tooMany).toMatch(/1,440/);
    expect((await mo.member.profile({ teamId: t.team.id })).minutesPerDay).toBe(30);
  });

  it("a member edits only their own profile: a member id slipped into the input reaches no one else", async () => {
    const { t } = env;
    const mia = await env.as(t.memberA1.id);
    const sneaky = { teamId: t.team.id, minutesPerDay: 1, memberId: t.memberA1a.id, membershipId: t.memberA1a.id };
    await mia.member.setMyMinutesPerDay(sneaky as { teamId: string; minutesPerDay: number });
    const rows = await env.db.membership.findMany({
      where: { id: { in: [t.memberA1.id, t.memberA1a.id] } },
      select: { id: true, minutesPerDay: true },
    });
    expect(rows.find((r) => r.id === t.memberA1.id)!.minutesPerDay).toBe(1);
    expect(rows.find((r) => r.id === t.memberA1a.id)!.minutesPerDay).toBeNull();

    // The name is the caller's account's, whatever else the input says.
    await mia.auth.setName({ name: "Mia Renamed", userId: "someone-else" } as { name: string });
    const names = await env.db.membership.findMany({
      where: { id: { in: [t.memberA1.id, t.memberA1a.id] } },
      select: { id: true, user: { select: { name: true } } },
    });
    expect(names.find((r) => r.id === t.memberA1.id)!.user.name).toBe("Mia Renamed");
    expect(names.find((r) => r.id === t.memberA1a.id)!.user.name).toBe("Max A1a");
    expect((await mia.member.profile({ teamId: t.team.id })).name).toBe("Mia Renamed");
  });

  it("someone outside the team cannot read or set a profile in it", async () => {
    const { t } = env;
    const stranger = env.caller({ id: "nobody", email: "nobody@example.test", name: "Nobody" });
    expect(await codeOf(stranger.member.profile({ teamId: t.team.id }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.member.setMyMinutesPerDay({ teamId: t.team.id, minutesPerDay: 10 }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(env.caller(null).member.profile({ teamId: t.team.id }))).toBe("UNAUTHORIZED");
  });

  it("refuses a bad name with a 400", async () => {
    const { t } = env;
    const mo = await env.as(t.memberA2.id);
    for (const name of ["", "   ", "x".repeat(81), "Mo\u0007"]) {
      expect(await codeOf(mo.auth.setName({ name }))).toBe("BAD_REQUEST");
    }
    expect((await mo.member.profile({ teamId: t.team.id })).name).toBe("Mo A2");
  });
});

describe("member.conversionRates", () => {
  it("shows the caller's own rates from their history, the team's defaults and the observations", async () => {
    const { t } = env;
    const ben = await env.as(t.memberB1.id);
    const { today } = await ben.member.profile({ teamId: t.team.id });
    const log = (membershipId: string, metricId: string, daysAgo: number, total: number) =>
      addDailyTotal(env.db, { teamId: t.team.id, membershipId, metricId, day: addDays(today, -daysAgo), total });
    await log(t.memberB1.id, m.contacts.id, 3, 60);
    await log(t.memberB1.id, m.contacts.id, 10, 40);
    await log(t.memberB1.id, m.presentations.id, 3, 25);
    await log(t.memberB1.id, m.sponsors.id, 2, 5);
    await log(t.memberB1.id, m.contacts.id, 200, 1_000); // before the window: not counted
    await log(t.memberB1.id, m.contacts.id, 0, 1_000); // today: not counted yet (as My plan)
    await log(t.memberA2.id, m.contacts.id, 3, 500); // someone else's history is not Ben's

    const r = await ben.member.conversionRates({ teamId: t.team.id });
    expect(r.window).toEqual({ from: addDays(today, -90), to: addDays(today, -1), days: 90 });
    const sponsors = r.results.find((x) => x.result.id === m.sponsors.id)!;
    expect(sponsors.rates.map((x) => [x.from.name, x.to.name, x.trials, x.successes, x.defaultRate])).toEqual([
      ["Contacts", "Presentations", 100, 25, 1 / 3],
      ["Presentations", "New sponsors", 25, 5, 0.1],
    ]);
    expect(sponsors.rates[0]!.observedRate).toBeCloseTo(0.25, 12);
    expect(sponsors.rates[0]!.rate).toBeCloseTo((25 + 10 / 3) / 110, 12);
    // Team volume is money: its last step is a value per sponsor, not a rate.
    const volume = r.results.find((x) => x.result.id === m.volume.id)!;
    expect(volume.valuePerAction).toEqual({ step: { id: m.sponsors.id, name: "New sponsors" }, value: 50_000 });

    // A member without history sees the defaults and no observations.
    const lara = await env.as(t.leaderB.id);
    const fresh = await lara.member.conversionRates({ teamId: t.team.id });
    const freshSponsors = fresh.results.find((x) => x.result.id === m.sponsors.id)!;
    expect(
      freshSponsors.rates.every((x) => x.trials === 0 && x.observedRate === null && x.rate === x.defaultRate),
    ).toBe(true);
  });
});

/**
 * The calendar feeds end to end on a real database: made through the `calendarFeed` router, read by token as the
 * route reads them, parsed with ical.js (an independent iCalendar parser). The feed's milestones, checkpoints and
 * deadlines are compared with what My plan (`getMyPlan`) and the goal page (`goal.get`) show; the weekly review
 * recurs at the team's local time with its TZID, across a DST change, skipping a holiday.
 */
import ICAL from "ical.js";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { toDbDay } from "@/server/domain/db-day";
import { formatMoney } from "@/server/domain/money";
import { getMyPlan } from "@/server/services/goal/get-member-plan";
import { createGoal } from "@/server/services/goal/create-goal";
import { loadTeamScope } from "@/server/services/team/scope";
import { updateTeamSettings } from "@/server/services/team/update-team-settings";
import { goalInput, makeFunnelMetrics, makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { hashFeedToken } from "./feed-token";
import { readCalendarFeed } from "./read-feed";

const env = setUpTestDatabase({ tree: "once" });
const ORIGIN = "https://backplan.example";
const gbp = (minor: number) => formatMoney(minor, "GBP");

let catchUpId: string;
let branchBGoalId: string;

const scopeOf = (membershipId: string, userId: string) =>
  loadTeamScope(env.db, { teamId: env.t.team.id, userId }).then((s) => {
    expect(s.actor.id).toBe(membershipId);
    return s;
  });

/** Makes the caller's feeds and returns their tokens (shown once). */
async function tokensOf(membershipId: string) {
  const caller = await env.as(membershipId);
  const feeds = await caller.calendarFeed.open({ teamId: env.t.team.id });
  const token = (scope: "MEMBER" | "TEAM") => {
    const path = feeds.find((f) => f.scope === scope)?.path;
    if (!path) throw new Error(`no ${scope} feed path`);
    return path.replace("/api/calendar/", "");
  };
  return { member: token("MEMBER"), team: token("TEAM") };
}

async function parse(token: string) {
  const feed = await readCalendarFeed(env.db, token, { origin: ORIGIN });
  if (!feed) throw new Error("the feed answered 404");
  const cal = new ICAL.Component(ICAL.parse(feed.ics));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const events = cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  return { ics: feed.ics, cal, events };
}

const allDay = (events: ICAL.Event[]) =>
  events.filter((e) => e.startDate.isDate).map((e) => ({ day: e.startDate.toString(), title: e.summary, uid: e.uid }));

beforeAll(async () => {
  const { db, t } = env;
  const m = await makeFunnelMetrics(db, { teamId: t.team.id });
  const owner = await loadTeamScope(db, { teamId: t.team.id, userId: t.owner.userId });
  const created = await createGoal(
    db,
    { ...owner, today: "2027-02-26" },
    {
      ...goalInput({
        name: "Catch-up",
        metricId: m.volume.id,
        target: 5_000_000,
        startDate: "2027-03-01",
        deadline: "2027-05-28",
        curve: "CUSTOM",
        checkpoints: [{ date: "2027-04-16", cumulative: 3_000_000 }],
      }),
      rootMembershipId: t.owner.id,
    },
  );
  catchUpId = created.id;
  const branchB = await createGoal(
    db,
    { ...owner, today: "2027-02-26" },
    {
      ...goalInput({
        name: "Branch B sprint",
        metricId: m.volume.id,
        target: 900_000,
        startDate: "2027-03-01",
        deadline: "2027-04-30",
      }),
      rootMembershipId: t.leaderB.id,
    },
  );
  branchBGoalId = branchB.id;
  // The weekly review: Tuesdays 18:30 London time, 45 minutes; a team holiday on Tuesday 30 March (BST from 28 March).
  const team = await db.team.findUniqueOrThrow({ where: { id: t.team.id }, select: { settingsVersion: true } });
  await updateTeamSettings(db, owner, {
    version: team.settingsVersion,
    reviewWeekday: 2,
    reviewTime: "18:30",
    reviewMinutes: 45,
  });
  await db.teamHoliday.create({ data: { teamId: t.team.id, day: toDbDay("2027-03-30"), name: "Team day out" } });
  // The meetings recur from the team's start (its first meeting day on or after `createdAt`): made by the database's
  // clock, so pinned here like the rest of the day.
  await db.team.update({ where: { id: t.team.id }, data: { createdAt: new Date("2027-03-01T09:00:00Z") } });
});

describe("the MEMBER feed", () => {
  it("is valid iCalendar with the milestones, checkpoint and deadline My plan shows, in money", async () => {
    const { t } = env;
    const tokens = await tokensOf(t.memberA1.id);
    const { cal, events } = await parse(tokens.member);
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Backplan — Test Team (my plan)");
    expect(cal.getFirstPropertyValue("refresh-interval")?.toString()).toBe("PT15M");

    const plan = await getMyPlan(env.db, await scopeOf(t.memberA1.id, t.memberA1.userId), {});
    const goal = plan.goals.find((g) => g.goal.id === catchUpId)!;
    const days = allDay(events).filter((e) => e.uid.startsWith(`goal-${catchUpId}-`));

    // The deadline: My plan's date, my personal target.
    const deadline = days.find((e) => e.uid.includes("-deadline."))!;
    expect(deadline.day).toBe(goal.goal.deadline);
    expect(deadline.title).toBe(`Catch-up deadline: ${gbp(goal.personalTarget)}`);

    // Each period's milestone before the deadline: My plan's period ends and running totals, exactly.
    const expected = goal.milestones
      .filter((ms) => ms.periodEnd < goal.goal.deadline && ms.planned > 0)
      .map((ms) => ({
        day: ms.periodEnd,
        title: `Catch-up milestone: ${gbp(ms.cumulative)} of ${gbp(goal.personalTarget)}`,
      }));
    expect(expected.length).toBeGreaterThan(5);
    expect(days.filter((e) => e.uid.includes("-milestone-")).map(({ day, title }) => ({ day, title }))).toEqual(
      expected,
    );

    // The goal's checkpoint (the goal page's date), with my share of it.
    const caller = await env.as(t.memberA1.id);
    const page = await caller.goal.get({ teamId: t.team.id, goalId: catchUpId });
    const checkpoint = days.find((e) => e.uid.includes("-checkpoint-"))!;
    expect(page.plan.checkpoints.map((c) => c.date)).toEqual([checkpoint.day]);
    // 16 April is the last open day of the week ending Sunday 18 April: my share there is that milestone's total.
    const weekEnd = goal.milestones.find((ms) => ms.periodEnd === "2027-04-18")!;
    expect(checkpoint.title).toBe(`Catch-up checkpoint: ${gbp(weekEnd.cumulative)} of ${gbp(goal.personalTarget)}`);

    // Every event links back into the app; a goal the member has no target in is not in their plan.
    for (const e of events)
      expect(String(e.component.getFirstPropertyValue("url"))).toMatch(
        /^https:\/\/backplan\.example\/test-team-?[a-z0-9-]*\//,
      );
    expect(events.some((e) => e.uid.startsWith(`goal-${branchBGoalId}-`))).toBe(false);
  });

  it("has the weekly review at 18:30 London time with its TZID, across the clock change, skipping the holiday", async () => {
    const { t } = env;
    const tokens = await tokensOf(t.memberA2.id);
    const { cal, events, ics } = await parse(tokens.member);
    expect(cal.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/London");
    expect(ics).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T183000/);
    expect(ics).toContain("EXDATE;TZID=Europe/London:20270330T183000");
    const review = events.find((e) => e.uid.includes("weekly-review"))!;
    expect(review.summary).toBe("Weekly review — Test Team");
    expect(review.isRecurring()).toBe(true);
    expect(review.component.getFirstPropertyValue("rrule")?.toString()).toBe("FREQ=WEEKLY");
    expect(review.startDate.zone?.tzid).toBe("Europe/London");
    expect(review.duration.toSeconds()).toBe(45 * 60);

    // The occurrences from 17 March: Tuesdays at 18:30 local — 18:30Z in GMT, 17:30Z in BST — without 30 March.
    const it = review.iterator();
    const seen: string[] = [];
    for (let next = it.next(); next && seen.length < 4; next = it.next()) {
      if (next.toString() < "2027-03-17") continue;
      seen.push(next.toJSDate().toISOString());
    }
    expect(seen).toEqual([
      "2027-03-23T18:30:00.000Z",
      "2027-04-06T17:30:00.000Z",
      "2027-04-13T17:30:00.000Z",
      "2027-04-20T17:30:00.000Z",
    ]);
  });

  it("writes a summer meeting at its London wall time too (DTSTART in the zone, not the server's UTC)", async () => {
    const { t, db } = env;
    // A team started in May (BST): the first meeting is Tuesday 11 May 2027, 18:30 in London = 17:30Z.
    await db.team.update({ where: { id: t.team.id }, data: { createdAt: new Date("2027-05-10T09:00:00Z") } });
    // Mo's links were shown before: a reset shows a new one.
    const reset = await (await env.as(t.memberA2.id)).calendarFeed.reset({ teamId: t.team.id, scope: "MEMBER" });
    const { events, ics } = await parse(reset.path!.replace("/api/calendar/", ""));
    expect(ics).toContain("DTSTART;TZID=Europe/London:20270511T183000");
    expect(ics).toContain("DTEND;TZID=Europe/London:20270511T191500");
    const review = events.find((e) => e.uid.includes("weekly-review"))!;
    expect(review.startDate.toJSDate().toISOString()).toBe("2027-05-11T17:30:00.000Z");
  });

  it("keeps its UIDs from one read to the next, so calendars update rather than duplicate", async () => {
    const tokens = await tokensOf(env.t.memberA1a.id);
    const first = (await parse(tokens.member)).events.map((e) => e.uid).sort();
    const second = (await parse(tokens.member)).events.map((e) => e.uid).sort();
    expect(first.length).toBeGreaterThan(3);
    expect(second).toEqual(first);
  });
});

describe("the TEAM feed", () => {
  it("has the checkpoints and deadlines of the goals the member may see, as the goal page shows them", async () => {
    const { t } = env;
    const caller = await env.as(t.leaderA.id);
    const tokens = await tokensOf(t.leaderA.id);
    const { cal, events } = await parse(tokens.team);
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Backplan — Test Team");
    const page = await caller.goal.get({ teamId: t.team.id, goalId: catchUpId });
    const days = allDay(events);
    expect(
      days.filter((e) => e.uid.startsWith(`goal-${catchUpId}-`)).map(({ day, title }) => ({ day, title })),
    ).toEqual([
      ...page.plan.checkpoints.map((c) => ({
        day: c.date,
        title: `Catch-up checkpoint: ${gbp(c.cumulative)} of ${gbp(page.goal.target)}`,
      })),
      { day: page.goal.deadline, title: `Catch-up deadline: ${gbp(page.goal.target)}` },
    ]);
    // Leader B's branch goal is not leader A's to see; the owner sees it.
    expect(days.some((e) => e.uid.startsWith(`goal-${branchBGoalId}-`))).toBe(false);
    const ownerTeam = await parse((await tokensOf(t.owner.id)).team);
    expect(
      allDay(ownerTeam.events).some((e) => e.uid === `goal-${branchBGoalId}-deadline.team-${t.owner.id}@backplan`),
    ).toBe(true);
    expect(events.some((e) => e.uid.includes("weekly-review"))).toBe(true);
  });
});

describe("feed tokens", () => {
  it("shows the URL once, keeps only its hash, and stamps the last read", async () => {
    const { t } = env;
    const caller = await env.as(t.memberB1.id);
    const tokens = await tokensOf(t.memberB1.id);
    const again = await caller.calendarFeed.open({ teamId: t.team.id });
    expect(again.map((f) => f.path)).toEqual([null, null]);
    const rows = await env.db.calendarFeed.findMany({ where: { membershipId: t.memberB1.id } });
    expect(rows.map((r) => r.tokenHash).sort()).toEqual(
      [hashFeedToken(tokens.member), hashFeedToken(tokens.team)].sort(),
    );
    expect(JSON.stringify(rows)).not.toContain(tokens.member);
    await parse(tokens.member);
    const mine = await caller.calendarFeed.mine({ teamId: t.team.id });
    expect(mine.find((f) => f.scope === "MEMBER")?.lastFetchedAt).toBeInstanceOf(Date);
    expect(mine.every((f) => f.path === null)).toBe(true);
  });

  it("a reset token answers 404 at once; the new one works", async () => {
    const { t } = env;
    const caller = await env.as(t.memberA1.id);
    const before = await caller.calendarFeed.mine({ teamId: t.team.id });
    expect(before.every((f) => f.createdAt !== null)).toBe(true);
    const old = await tokensOf(t.leaderB.id);
    const leaderB = await env.as(t.leaderB.id);
    const reset = await leaderB.calendarFeed.reset({ teamId: t.team.id, scope: "MEMBER" });
    expect(await readCalendarFeed(env.db, old.member, { origin: ORIGIN })).toBeNull();
    expect(reset.path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    await parse(reset.path!.replace("/api/calendar/", ""));
    // Only that feed: the TEAM one still works.
    await parse(old.team);
  });

  it("another member's token shows their feed, not mine", async () => {
    const { t } = env;
    const mine = await parse(await freshToken(t.memberA1.id));
    const theirs = await parse(await freshToken(t.memberB1.id));
    expect(mine.events.every((e) => e.uid.includes(`.member-${t.memberA1.id}@`))).toBe(true);
    expect(theirs.events.every((e) => e.uid.includes(`.member-${t.memberB1.id}@`))).toBe(true);
    const scope = await scopeOf(t.memberB1.id, t.memberB1.userId);
    const plan = await getMyPlan(env.db, scope, {});
    const deadline = theirs.events.find(
      (e) => e.uid === `goal-${catchUpId}-deadline.member-${t.memberB1.id}@backplan`,
    )!;
    expect(deadline.summary).toBe(
      `Catch-up deadline: ${gbp(plan.goals.find((g) => g.goal.id === catchUpId)!.personalTarget)}`,
    );
  });

  it("bad tokens answer 404 with nothing said", async () => {
    expect(await readCalendarFeed(env.db, "nope", { origin: ORIGIN })).toBeNull();
    expect(await readCalendarFeed(env.db, "x".repeat(43), { origin: ORIGIN })).toBeNull();
    expect(await readCalendarFeed(env.db, "../../etc/passwd", { origin: ORIGIN })).toBeNull();
  });
});

/** A new MEMBER token for a member (a reset: their earlier one stops). */
async function freshToken(membershipId: string): Promise<string> {
  const caller = await env.as(membershipId);
  const r = await caller.calendarFeed.reset({ teamId: env.t.team.id, scope: "MEMBER" });
  return r.path!.replace("/api/calendar/", "");
}

describe("who reaches which feed (calendarFeed router)", () => {
  it("touches only the caller's own feeds: a reset by one member leaves another's link working", async () => {
    const { t } = env;
    const a1a = await freshToken(t.memberA1a.id);
    const upline = await env.as(t.memberA1.id);
    await upline.calendarFeed.reset({ teamId: t.team.id, scope: "MEMBER" });
    const owner = await env.as(t.owner.id);
    await owner.calendarFeed.reset({ teamId: t.team.id, scope: "MEMBER" });
    await parse(a1a);
    const mine = await (await env.as(t.memberA1a.id)).calendarFeed.mine({ teamId: t.team.id });
    expect(mine.map((f) => f.scope)).toEqual(["MEMBER", "TEAM"]);
  });

  it("refuses someone outside the team (NOT_FOUND) and anyone signed out (UNAUTHORIZED)", async () => {
    const outsider = await makeUser(env.db, { name: "Otto Outsider" });
    const caller = env.caller({ id: outsider.id, email: outsider.email, name: "Otto Outsider" });
    for (const call of [
      () => caller.calendarFeed.mine({ teamId: env.t.team.id }),
      () => caller.calendarFeed.open({ teamId: env.t.team.id }),
      () => caller.calendarFeed.reset({ teamId: env.t.team.id, scope: "TEAM" }),
    ])
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    const anonymous = env.caller(null);
    await expect(anonymous.calendarFeed.mine({ teamId: env.t.team.id })).rejects.toBeInstanceOf(TRPCError);
    await expect(anonymous.calendarFeed.open({ teamId: env.t.team.id })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      (await env.as(env.t.memberA1.id)).calendarFeed.reset({ teamId: env.t.team.id, scope: "OTHER" as "TEAM" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await env.db.calendarFeed.count({ where: { membership: { userId: outsider.id } } })).toBe(0);
  });
});

describe("the team's review meeting setting", () => {
  it("is a day and a time together, and each change is audited", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    const s = await owner.team.settings({ teamId: t.team.id });
    expect([s.reviewWeekday, s.reviewTime, s.reviewMinutes]).toEqual([2, "18:30", 45]);
    await expect(
      owner.team.updateSettings({ teamId: t.team.id, version: s.version, reviewTime: null }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      owner.team.updateSettings({ teamId: t.team.id, version: s.version, reviewTime: "25:00" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const saved = await owner.team.updateSettings({
      teamId: t.team.id,
      version: s.version,
      reviewWeekday: 2,
      reviewTime: "18:30",
      reviewMinutes: 60,
    });
    expect(saved.changed).toEqual(["reviewMinutes"]);
    const audit = await env.db.auditEvent.findMany({
      where: { teamId: t.team.id, action: "team.setting_changed" },
      select: { data: true },
    });
    const fields = audit.map((a) => (a.data as { field: string }).field);
    expect(fields).toEqual(expect.arrayContaining(["reviewWeekday", "reviewTime", "reviewMinutes"]));
    // Back to 45 minutes for the other tests' sake.
    await owner.team.updateSettings({ teamId: t.team.id, version: saved.version, reviewMinutes: 45 });
  });
});

describe("a removed member", () => {
  it("loses their feed at once (404), while the remover's keeps working", async () => {
    const { t } = env;
    const token = await freshToken(t.memberA2.id);
    await parse(token);
    const owner = await env.as(t.owner.id);
    await owner.member.remove({ teamId: t.team.id, memberId: t.memberA2.id });
    expect(await readCalendarFeed(env.db, token, { origin: ORIGIN })).toBeNull();
    const ownerToken = await freshToken(t.owner.id);
    await parse(ownerToken);
  });
});

it("a team without a meeting has none in its feeds", async () => {
  const { t } = env;
  const owner = await env.as(t.owner.id);
  const s = await owner.team.settings({ teamId: t.team.id });
  await owner.team.updateSettings({ teamId: t.team.id, version: s.version, reviewWeekday: null, reviewTime: null });
  const feed = await parse(await freshToken(t.memberA1.id));
  expect(feed.events.some((e) => e.uid.includes("weekly-review"))).toBe(false);
  expect(feed.events.length).toBeGreaterThan(0);
});

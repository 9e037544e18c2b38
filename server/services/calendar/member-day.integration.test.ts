/**
 * A member's day end to end on the real database, through the router: their zone (today, logging window, edits,
 * My plan's "today"), and the rest-day state of the Log and My plan (rest weekday, team holiday, day off) with the
 * next open day's plan computed by the Log's own plan math.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getTodayPlan } from "@/server/services/entry/today-plan";
import { atInstant } from "@/tests/clock";
import { setUpTestDatabase, type TestTree } from "@/tests/setup/integration";
import { makeFunnelMetrics, makeGoal, makeTestTree } from "@/tests/factories";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

const env = setUpTestDatabase({ tree: "each" });
let t: TestTree;
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;
const db = () => env.db;
const as = (membershipId: string) => env.as(membershipId);
const day = (iso: string) => toDbDay(iso);

beforeEach(async () => {
  // A London team working Monday to Friday, with a published goal around the test instant (Wed 17 Mar 2027).
  t = env.t;
  m = await makeFunnelMetrics(db(), { teamId: t.team.id });
  await makeGoal(db(), {
    teamId: t.team.id,
    rootMembershipId: t.owner.id,
    metricId: m.volume.id,
    target: 2_000_000,
    startDate: "2027-03-01",
    deadline: "2027-04-30",
    name: "Spring volume",
  });
});

describe("a member's zone", () => {
  // Monday 23 Nov 2026, 8 pm in New York = 01:00 Tuesday 24 Nov in London.
  const mondayEveningInNewYork = "2026-11-24T01:00:00Z";

  it("a New York member of a London team at 8 pm Monday still logs Monday; a London member logs Tuesday", async () => {
    const ny = await as(t.memberA1.id);
    expect(await ny.member.setMyTimeZone({ teamId: t.team.id, timeZone: "America/New_York" })).toEqual({
      timeZone: "America/New_York",
      teamTimeZone: "Europe/London",
    });
    const london = await as(t.memberA2.id);
    await atInstant(mondayEveningInNewYork, async () => {
      const id = randomUUID();
      const logged = await ny.entry.log({ teamId: t.team.id, entries: [{ id, metricId: m.contacts.id, amount: 3 }] });
      expect(logged.today).toBe("2026-11-23");
      expect(toIsoDay((await db().entry.findUniqueOrThrow({ where: { id } })).day)).toBe("2026-11-23");
      const tuesday = await ny.entry.log({
        teamId: t.team.id,
        entries: [{ id: randomUUID(), metricId: m.contacts.id, amount: 1, day: "2026-11-24" }],
      });
      expect(tuesday.results[0]).toMatchObject({
        status: "rejected",
        message: expect.stringContaining("is in the future"),
      });

      const page = await ny.entry.day({ teamId: t.team.id });
      expect(page).toMatchObject({ today: "2026-11-23", day: "2026-11-23" });
      expect(page.allowedDays[0]).toBe("2026-11-23");
      expect(page.memberDay).toMatchObject({
        today: "2026-11-23",
        timeZone: "America/New_York",
        ownTimeZone: "America/New_York",
        teamTimeZone: "Europe/London",
      });
      expect((await ny.goal.myPlan({ teamId: t.team.id })).asOf).toBe("2026-11-23");
      expect(await ny.member.day({ teamId: t.team.id })).toEqual(page.memberDay);

      expect(
        (
          await london.entry.log({
            teamId: t.team.id,
            entries: [{ id: randomUUID(), metricId: m.contacts.id, amount: 1 }],
          })
        ).today,
      ).toBe("2026-11-24");
      expect((await london.entry.day({ teamId: t.team.id })).memberDay).toMatchObject({
        today: "2026-11-24",
        timeZone: "Europe/London",
        ownTimeZone: null,
      });
    });
  });

  it("edits and deletes are checked against the days of the member whose entry it is", async () => {
    await db().team.update({ where: { id: t.team.id }, data: { backdateDays: 0, uplineCanEditEntries: true } });
    await db().membership.update({ where: { id: t.memberA1.id }, data: { timeZone: "America/New_York" } });
    const ny = await as(t.memberA1.id);
    const upline = await as(t.leaderA.id); // in London
    const ids = { ny: randomUUID(), london: randomUUID() };
    // Monday afternoon in both zones: each logs Monday.
    await atInstant("2026-11-23T15:00:00Z", async () => {
      await ny.entry.log({ teamId: t.team.id, entries: [{ id: ids.ny, metricId: m.contacts.id, amount: 2 }] });
      await upline.entry.log({ teamId: t.team.id, entries: [{ id: ids.london, metricId: m.contacts.id, amount: 2 }] });
    });
    await atInstant(mondayEveningInNewYork, async () => {
      // Still Monday for the New York member: their entry can change (by them, or their London upline).
      expect(await upline.entry.update({ teamId: t.team.id, entryId: ids.ny, amount: 5 })).toMatchObject({
        amount: 5,
        day: "2026-11-23",
      });
      expect(await ny.entry.update({ teamId: t.team.id, entryId: ids.ny, amount: 6 })).toMatchObject({ amount: 6 });
      await expect(ny.entry.update({ teamId: t.team.id, entryId: ids.ny, day: "2026-11-24" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      // Tuesday in London, and the team allows today only: the upline's own Monday entry is closed.
      await expect(upline.entry.update({ teamId: t.team.id, entryId: ids.london, amount: 3 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await ny.entry.delete({ teamId: t.team.id, entryId: ids.ny })).toEqual({ id: ids.ny, deleted: true });
    });
  });

  it("refuses an unknown zone with a clear 400 and clears back to the team's with null", async () => {
    const me = await as(t.memberA1.id);
    for (const timeZone of ["Mars/Olympus_Mons", "+05:30", "EST", ""]) {
      await expect(me.member.setMyTimeZone({ teamId: t.team.id, timeZone })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("Choose a time zone such as Europe/London"),
      });
    }
    expect((await db().membership.findUniqueOrThrow({ where: { id: t.memberA1.id } })).timeZone).toBeNull();
    // A zone's other IANA spelling (browsers and the server may list different ones) is accepted as given.
    await me.member.setMyTimeZone({ teamId: t.team.id, timeZone: "Asia/Kolkata" });
    expect((await me.member.day({ teamId: t.team.id })).timeZone).toBe("Asia/Kolkata");
    expect(await me.member.setMyTimeZone({ teamId: t.team.id, timeZone: null })).toEqual({
      timeZone: null,
      teamTimeZone: "Europe/London",
    });
    expect((await me.member.day({ teamId: t.team.id })).timeZone).toBe("Europe/London");
  });
});

describe("rest days on the Log and My plan", () => {
  it("on the team's rest weekday the Log says so and shows the next working day's plan, and logging still counts", async () => {
    const me = await as(t.memberA1.id);
    await atInstant("2027-03-20T12:00:00Z", async () => {
      // Saturday.
      const page = await me.entry.day({ teamId: t.team.id });
      expect(page.today).toBe("2027-03-20");
      expect(page.actions.every((a) => a.planned === 0)).toBe(true);
      const rest = page.memberDay.rest!;
      expect(rest).toMatchObject({ reason: { kind: "rest_weekday" }, nextOpenDay: "2027-03-22" });
      // The Monday plan is the Log's own plan for Monday (same math, same numbers), with the metrics' names.
      const monday = (
        await getTodayPlan(db(), { teamId: t.team.id, membershipId: t.memberA1.id, asOf: "2027-03-22" })
      ).actions.filter((a) => a.planned > 0);
      expect(monday.length).toBeGreaterThan(0);
      expect(rest.nextPlan.map((a) => ({ metricId: a.metricId, planned: a.planned }))).toEqual(monday);
      expect(rest.nextPlan.map((a) => a.name)).toContain("Contacts");
      expect(await me.member.day({ teamId: t.team.id })).toEqual(page.memberDay);

      const logged = await me.entry.log({
        teamId: t.team.id,
        entries: [{ id: randomUUID(), metricId: m.contacts.id, amount: 4 }],
      });
      expect(logged.created).toBe(1);
      const after = await me.entry.day({ teamId: t.team.id });
      expect(after.actions.find((a) => a.metricId === m.contacts.id)?.done).toBe(4);
      expect(after.week.find((w) => w.isToday)).toMatchObject({ isWorkingDay: false, logged: 4 });
    });
  });

  it("a team holiday closes the day for everyone in the team (named), and the strip shows it off", async () => {
    await db().teamHoliday.create({ data: { teamId: t.team.id, day: day("2027-03-17"), name: "St Patrick's Day" } });
    await db().teamHoliday.create({ data: { teamId: t.team.id, day: day("2027-03-18"), name: "Bridge day" } });
    const page = await (await as(t.memberA2.id)).entry.day({ teamId: t.team.id }); // the file's instant: Wed 17 Mar 2027
    expect(page.memberDay.rest).toMatchObject({
      reason: { kind: "holiday", name: "St Patrick's Day" },
      nextOpenDay: "2027-03-19",
    });
    expect(page.week.filter((w) => !w.isWorkingDay).map((w) => w.day)).toEqual([
      "2027-03-17",
      "2027-03-18",
      "2027-03-20",
      "2027-03-21",
    ]);

    // Another team is not closed by this team's holiday.
    const other = await makeTestTree(db());
    expect((await (await as(other.memberA1.id)).entry.day({ teamId: other.team.id })).memberDay.rest).toBeNull();
  });

  it("a member's own day off closes the day for them only", async () => {
    await db().memberDayOff.create({ data: { membershipId: t.memberA1.id, day: day("2027-03-17"), kind: "SICK" } });
    const off = await (await as(t.memberA1.id)).entry.day({ teamId: t.team.id });
    expect(off.memberDay.rest).toMatchObject({
      reason: { kind: "day_off", dayOff: "SICK" },
      nextOpenDay: "2027-03-18",
    });
    expect((await (await as(t.memberA2.id)).entry.day({ teamId: t.team.id })).memberDay.rest).toBeNull();
  });

  it("follows the member's zone: Friday night in New York is an open Friday for them, a rest Saturday in London", async () => {
    await db().membership.update({ where: { id: t.memberA1.id }, data: { timeZone: "America/New_York" } });
    await atInstant("2027-03-20T02:00:00Z", async () => {
      const ny = await (await as(t.memberA1.id)).entry.day({ teamId: t.team.id });
      expect(ny.memberDay).toMatchObject({ today: "2027-03-19", rest: null });
      expect(ny.actions.some((a) => a.planned > 0)).toBe(true);
      const london = await (await as(t.memberA2.id)).entry.day({ teamId: t.team.id });
      expect(london.memberDay).toMatchObject({
        today: "2027-03-20",
        rest: { reason: { kind: "rest_weekday" }, nextOpenDay: "2027-03-22" },
      });
    });
  });
});

/**
 * The team calendar through the router, on the real database at the pinned instant (Wednesday 17 March 2027):
 * team holidays (members read, owner and leaders change, impossible dates refused, per-team), importing a country's
 * public holidays (previewed, nothing written until confirmed), a member's own days off (theirs only), every change
 * audited — and the rule that matters most: a published goal keeps the holidays it was phased with, a holiday added
 * later is listed for a previewed re-plan, and only applying that versioned change moves the plan.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readGoalHolidays } from "@/server/queries/calendar";
import { getMemberPlan } from "@/server/services/goal/get-member-plan";
import { callerForMember, codeOf } from "@/tests/caller";
import { makeFunnelMetrics, makeTestTree } from "@/tests/factories";
import { setUpTestDatabase, type TestTree } from "@/tests/setup/integration";
import { toIsoDay } from "@/server/domain/db-day";

type Caller = Awaited<ReturnType<typeof callerForMember>>;

const env = setUpTestDatabase();
let t: TestTree;
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;
const as: Record<"owner" | "leaderA" | "leaderB" | "memberA1" | "memberA1a" | "memberB1", Caller> = {} as never;
const teamId = () => t.team.id;

async function messageOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

beforeAll(async () => {
  const db = env.db;
  t = env.t;
  m = await makeFunnelMetrics(db, { teamId: t.team.id });
  for (const name of Object.keys({
    owner: 1,
    leaderA: 1,
    leaderB: 1,
    memberA1: 1,
    memberA1a: 1,
    memberB1: 1,
  }) as (keyof typeof as)[]) {
    as[name] = await callerForMember(db, t[name].id);
  }
});

describe("team holidays", () => {
  it("are read by everyone in the team and changed by the owner and leaders, with an audit trail", async () => {
    const added = await as.leaderB.calendar.addHoliday({
      teamId: teamId(),
      day: "2027-05-03",
      name: "Early May bank holiday",
    });
    expect(added).toMatchObject({ day: "2027-05-03", name: "Early May bank holiday" });
    expect(
      await codeOf(
        as.memberA1.calendar.addHoliday({ teamId: teamId(), day: "2027-05-31", name: "Spring bank holiday" }),
      ),
    ).toBe("FORBIDDEN");
    const seen = await as.memberA1.calendar.holidays({ teamId: teamId() });
    expect(seen).toEqual({
      canManage: false,
      holidays: [{ id: added.id, day: "2027-05-03", name: "Early May bank holiday" }],
    });
    expect((await as.owner.calendar.holidays({ teamId: teamId() })).canManage).toBe(true);

    // One holiday a day; an impossible date is a clear 400.
    expect(await messageOf(as.owner.calendar.addHoliday({ teamId: teamId(), day: "2027-05-03", name: "Again" }))).toBe(
      "2027-05-03 is already a holiday (Early May bank holiday).",
    );
    const impossible = as.owner.calendar.addHoliday({ teamId: teamId(), day: "2027-02-30", name: "Nope" });
    expect(await codeOf(impossible)).toBe("BAD_REQUEST");
    expect(
      await messageOf(as.owner.calendar.addHoliday({ teamId: teamId(), day: "2027-02-30", name: "Nope" })),
    ).toContain("That date does not exist");

    // Nobody touches another team's holidays: its owner gets NOT_FOUND with their own team id.
    const other = await makeTestTree(env.db);
    const otherOwner = await callerForMember(env.db, other.owner.id);
    expect(await codeOf(otherOwner.calendar.removeHoliday({ teamId: other.team.id, holidayId: added.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(as.memberA1.calendar.removeHoliday({ teamId: teamId(), holidayId: added.id }))).toBe(
      "FORBIDDEN",
    );

    await as.leaderA.calendar.removeHoliday({ teamId: teamId(), holidayId: added.id });
    expect((await as.owner.calendar.holidays({ teamId: teamId() })).holidays).toEqual([]);
    const events = await env.db.auditEvent.findMany({
      where: { teamId: teamId(), action: { startsWith: "calendar." } },
      select: { action: true, actorId: true, data: true },
      orderBy: { createdAt: "asc" },
    });
    expect(events).toEqual([
      {
        action: "calendar.holiday_added",
        actorId: t.leaderB.id,
        data: { day: "2027-05-03", name: "Early May bank holiday" },
      },
      {
        action: "calendar.holiday_removed",
        actorId: t.leaderA.id,
        data: { day: "2027-05-03", name: "Early May bank holiday" },
      },
    ]);
  });

  it("imports a country's public holidays only once confirmed, with the library's names", async () => {
    const countries = await as.memberA1.calendar.countries({ teamId: teamId() });
    expect(countries.find((c) => c.code === "GB")).toMatchObject({
      name: "United Kingdom",
      regions: expect.arrayContaining([{ code: "SCT", name: "Scotland" }]),
    });

    const preview = await as.leaderA.calendar.previewImport({
      teamId: teamId(),
      country: "gb",
      region: "eng",
      year: 2027,
    });
    expect(preview.place).toBe("England, United Kingdom");
    expect(preview.holidays.map((h) => h.day)).toEqual([
      "2027-01-01",
      "2027-03-26",
      "2027-03-29",
      "2027-05-03",
      "2027-05-31",
      "2027-08-30",
      "2027-12-25",
      "2027-12-26",
      "2027-12-27",
      "2027-12-28",
    ]);
    expect(preview.holidays.find((h) => h.day === "2027-03-26")).toMatchObject({
      name: "Good Friday",
      existing: null,
      restDay: false,
    });
    expect(preview.holidays.find((h) => h.day === "2027-12-25")).toMatchObject({ restDay: true }); // a Saturday
    expect(await env.db.teamHoliday.count({ where: { teamId: teamId() } })).toBe(0); // the preview wrote nothing

    expect(await codeOf(as.memberA1.calendar.previewImport({ teamId: teamId(), country: "GB", year: 2027 }))).toBe(
      "FORBIDDEN",
    );
    expect(await messageOf(as.owner.calendar.previewImport({ teamId: teamId(), country: "ZZ", year: 2027 }))).toBe(
      "We have no holiday list for that country.",
    );
    expect(
      await codeOf(
        as.owner.calendar.importHolidays({
          teamId: teamId(),
          country: "GB",
          region: "ENG",
          year: 2027,
          days: ["2027-03-17"],
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await env.db.teamHoliday.count({ where: { teamId: teamId() } })).toBe(0);

    // The leader keeps Good Friday, Easter Monday and Christmas; a day the team has already is skipped.
    await as.owner.calendar.addHoliday({ teamId: teamId(), day: "2027-12-25", name: "Christmas" });
    const result = await as.leaderA.calendar.importHolidays({
      teamId: teamId(),
      country: "GB",
      region: "ENG",
      year: 2027,
      days: ["2027-03-26", "2027-03-29", "2027-12-25"],
    });
    expect(result).toEqual({ place: "England, United Kingdom", added: 2, skipped: 1 });
    expect((await as.memberA1.calendar.holidays({ teamId: teamId() })).holidays.map((h) => [h.day, h.name])).toEqual([
      ["2027-03-26", "Good Friday"],
      ["2027-03-29", "Easter Monday"],
      ["2027-12-25", "Christmas"],
    ]);
    const event = await env.db.auditEvent.findFirstOrThrow({
      where: { teamId: teamId(), action: "calendar.holidays_imported" },
      select: { actorId: true, data: true },
    });
    expect(event).toEqual({
      actorId: t.leaderA.id,
      data: {
        place: "England, United Kingdom",
        country: "GB",
        region: "ENG",
        year: 2027,
        days: ["2027-03-26", "2027-03-29"],
      },
    });
    // Back to a clean calendar for the goal tests below.
    await env.db.teamHoliday.deleteMany({ where: { teamId: teamId() } });
  });
});

describe("my days off", () => {
  it("are the member's own: added over the team's working days, listed, removed, audited; nobody else's", async () => {
    // Fri 2 – Tue 6 April: the weekend in between is off anyway.
    const added = await as.memberA1a.calendar.addDayOff({
      teamId: teamId(),
      from: "2027-04-02",
      to: "2027-04-06",
      kind: "HOLIDAY",
    });
    expect(added).toEqual({ added: 3, days: ["2027-04-02", "2027-04-05", "2027-04-06"] });
    // A day already off takes the new kind.
    await as.memberA1a.calendar.addDayOff({ teamId: teamId(), from: "2027-04-06", kind: "SICK" });
    const mine = await as.memberA1a.calendar.myDaysOff({ teamId: teamId() });
    expect(mine.daysOff.map((d) => [d.day, d.kind])).toEqual([
      ["2027-04-02", "HOLIDAY"],
      ["2027-04-05", "HOLIDAY"],
      ["2027-04-06", "SICK"],
    ]);
    expect((await as.memberA1.calendar.myDaysOff({ teamId: teamId() })).daysOff).toEqual([]);

    // Nobody else removes them — not even the member's upline or the owner.
    const first = mine.daysOff[0]!;
    expect(await codeOf(as.owner.calendar.removeDayOff({ teamId: teamId(), dayOffId: first.id }))).toBe("NOT_FOUND");
    expect(await codeOf(as.memberA1.calendar.removeDayOff({ teamId: teamId(), dayOffId: first.id }))).toBe("NOT_FOUND");
    await as.memberA1a.calendar.removeDayOff({ teamId: teamId(), dayOffId: first.id });
    expect((await as.memberA1a.calendar.myDaysOff({ teamId: teamId() })).daysOff.map((d) => d.day)).toEqual([
      "2027-04-05",
      "2027-04-06",
    ]);

    // Dates are checked: impossible, backwards, too long, or only rest days.
    expect(await messageOf(as.memberA1a.calendar.addDayOff({ teamId: teamId(), from: "2027-02-30" }))).toContain(
      "That date does not exist",
    );
    expect(
      await messageOf(as.memberA1a.calendar.addDayOff({ teamId: teamId(), from: "2027-04-10", to: "2027-04-01" })),
    ).toContain("The last day is before the first");
    expect(
      await codeOf(as.memberA1a.calendar.addDayOff({ teamId: teamId(), from: "2027-01-01", to: "2027-06-30" })),
    ).toBe("BAD_REQUEST");
    expect(
      await messageOf(as.memberA1a.calendar.addDayOff({ teamId: teamId(), from: "2027-04-10", to: "2027-04-11" })),
    ).toBe("The team does not work on those days: nothing to take off.");

    const events = await env.db.auditEvent.findMany({
      where: { teamId: teamId(), action: { in: ["calendar.days_off_added", "calendar.day_off_removed"] } },
      select: { action: true, actorId: true, subjectId: true },
      orderBy: { createdAt: "asc" },
    });
    expect(events).toEqual([
      { action: "calendar.days_off_added", actorId: t.memberA1a.id, subjectId: t.memberA1a.id },
      { action: "calendar.days_off_added", actorId: t.memberA1a.id, subjectId: t.memberA1a.id },
      { action: "calendar.day_off_removed", actorId: t.memberA1a.id, subjectId: t.memberA1a.id },
    ]);
    await env.db.memberDayOff.deleteMany({ where: { membershipId: t.memberA1a.id } });
  });
});

describe("a published goal keeps the holidays it was phased with", () => {
  it("adding a holiday later changes nothing until the leader previews and applies a re-plan", async () => {
    const db = env.db;
    // Mon 15 Mar – Fri 30 Apr 2027: 35 working days; Good Friday is a team holiday before the goal is published.
    await as.owner.calendar.addHoliday({ teamId: teamId(), day: "2027-03-26", name: "Good Friday" });
    const created = await as.owner.goal.create({
      teamId: teamId(),
      name: "Spring volume",
      metricId: m.volume.id,
      target: 340_000,
      startDate: "2027-03-15",
      deadline: "2027-04-30",
      publish: true,
    });
    const goalRow = () =>
      db.goal.findUniqueOrThrow({ where: { id: created.id }, select: { holidays: true, version: true } });
    expect((await goalRow()).holidays.map((d) => toIsoDay(d))).toEqual(["2027-03-26"]);
    const before = await as.owner.goal.get({ teamId: teamId(), goalId: created.id });
    // 34 open days × 10,000; nothing on Good Friday.
    expect(before.plan.days.find((d) => d.date === "2027-03-26")!.increment).toBe(0);
    expect(before.plan.days.find((d) => d.date === "2027-03-29")!.increment).toBe(10_000);
    expect(await as.owner.calendar.goalsToReplan({ teamId: teamId() })).toEqual([]);
    const mine = async () =>
      (await getMemberPlan(db, { teamId: teamId(), membershipId: t.memberA1.id, asOf: "2027-03-17" })).goals[0]!;
    const mineBefore = await mine();

    // Easter Monday is added afterwards: the published plan and the member's milestones do not move.
    await as.leaderA.calendar.addHoliday({ teamId: teamId(), day: "2027-03-29", name: "Easter Monday" });
    const still = await as.owner.goal.get({ teamId: teamId(), goalId: created.id });
    expect(still.plan).toEqual(before.plan);
    expect((await mine()).milestones).toEqual(mineBefore.milestones);
    expect((await mine()).milestone).toEqual(mineBefore.milestone);

    // The holidays screen lists the goal for the owner (who manages it), not for a member or another leader's team.
    const stale = await as.owner.calendar.goalsToReplan({ teamId: teamId() });
    expect(stale).toEqual([
      {
        goalId: created.id,
        name: "Spring volume",
        version: (await goalRow()).version,
        startDate: "2027-03-15",
        deadline: "2027-04-30",
        unit: "MONEY",
        added: [{ day: "2027-03-29", name: "Easter Monday" }],
        removed: [],
      },
    ]);
    expect(await as.memberA1.calendar.goalsToReplan({ teamId: teamId() })).toEqual([]);
    expect(await as.leaderB.calendar.goalsToReplan({ teamId: teamId() })).toEqual([]);
    // The query module's mapper round-trips what the SQL reads.
    expect(await readGoalHolidays(db, { teamId: teamId(), today: "2027-03-17" })).toEqual([
      {
        id: created.id,
        name: "Spring volume",
        rootMembershipId: t.owner.id,
        version: (await goalRow()).version,
        startDate: "2027-03-15",
        deadline: "2027-04-30",
        unit: "MONEY",
        phased: ["2027-03-26"],
        current: [
          { day: "2027-03-26", name: "Good Friday" },
          { day: "2027-03-29", name: "Easter Monday" },
        ],
      },
    ]);

    // Preview: which holiday comes, which weeks move (from → to) and whose plan that changes. Nothing is written.
    const changesBefore = await db.targetChange.count({ where: { goalId: created.id } });
    const preview = await as.owner.goal.previewChange({
      teamId: teamId(),
      goalId: created.id,
      change: { kind: "holidays" },
    });
    expect(preview.goal).toEqual([{ field: "holidays", from: "2027-03-26", to: "2027-03-26, 2027-03-29" }]);
    expect(preview.members).toEqual([]); // nobody's total moves
    expect(preview.canApply).toBe(true);
    expect(preview.calendar).toMatchObject({ added: [{ day: "2027-03-29", name: "Easter Monday" }], removed: [] });
    const weeks = preview.calendar!.milestones;
    // 340,000 over 33 open days now instead of 34: every week moves, the week of Easter Monday (5 open days → 4) most.
    expect(weeks.map((w) => w.periodStart)).toEqual([
      "2027-03-15",
      "2027-03-22",
      "2027-03-29",
      "2027-04-05",
      "2027-04-12",
      "2027-04-19",
      "2027-04-26",
    ]);
    expect(weeks.find((w) => w.periodStart === "2027-03-29")).toMatchObject({ from: 50_000 });
    expect(weeks.find((w) => w.periodStart === "2027-03-29")!.to).toBeLessThan(42_000);
    expect(weeks.reduce((s, w) => s + w.to - w.from, 0)).toBe(0);
    expect(preview.calendar!.affected.members).toBe(7);
    expect(preview.calendar!.affected.names).toContain("Olivia Owner");
    expect(await db.targetChange.count({ where: { goalId: created.id } })).toBe(changesBefore);
    expect((await goalRow()).holidays).toHaveLength(1);

    // Only the goal's manager applies it, as a versioned change; a stale version is refused.
    expect(
      await codeOf(
        as.leaderA.goal.applyChange({
          teamId: teamId(),
          goalId: created.id,
          version: preview.version,
          change: { kind: "holidays" },
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        as.owner.goal.applyChange({
          teamId: teamId(),
          goalId: created.id,
          version: preview.version - 1,
          change: { kind: "holidays" },
        }),
      ),
    ).toBe("CONFLICT");
    const applied = await as.owner.goal.applyChange({
      teamId: teamId(),
      goalId: created.id,
      version: preview.version,
      change: { kind: "holidays" },
    });
    expect(applied).toEqual({ goalId: created.id, version: preview.version + 1, changed: 0 });
    expect((await goalRow()).holidays.map((d) => toIsoDay(d))).toEqual(["2027-03-26", "2027-03-29"]);
    const after = await as.owner.goal.get({ teamId: teamId(), goalId: created.id });
    expect(after.plan.days.find((d) => d.date === "2027-03-29")!.increment).toBe(0);
    expect(after.plan.periods.map((p) => p.increment)).toEqual(weeks.map((w) => w.to));
    expect(await as.owner.calendar.goalsToReplan({ teamId: teamId() })).toEqual([]);

    // Recorded in the goal's history, where every member sees it.
    const history = await as.memberA1a.goal.history({ teamId: teamId(), goalId: created.id });
    expect(history[0]).toMatchObject({
      field: "holidays",
      reason: "Re-planned for the team's holidays: added 29 Mar 2027",
      actorName: "Olivia Owner",
    });
    expect(history[0]!.data).toEqual({ from: "2027-03-26", to: "2027-03-26, 2027-03-29" });

    // Removing a holiday is the same: listed, and re-planned only on request.
    const easter = (await as.owner.calendar.holidays({ teamId: teamId() })).holidays.find(
      (h) => h.day === "2027-03-29",
    )!;
    await as.owner.calendar.removeHoliday({ teamId: teamId(), holidayId: easter.id });
    expect((await as.owner.goal.get({ teamId: teamId(), goalId: created.id })).plan).toEqual(after.plan);
    expect(await as.owner.calendar.goalsToReplan({ teamId: teamId() })).toMatchObject([
      { goalId: created.id, added: [], removed: ["2027-03-29"] },
    ]);
    await db.teamHoliday.deleteMany({ where: { teamId: teamId() } });
    await db.goal.update({ where: { id: created.id }, data: { status: "ARCHIVED" } });
  });

  it("a deadline change keeps the goal's holidays and takes the team's on the days it adds", async () => {
    await as.owner.calendar.addHoliday({ teamId: teamId(), day: "2027-05-03", name: "Early May bank holiday" });
    const created = await as.owner.goal.create({
      teamId: teamId(),
      name: "April",
      metricId: m.volume.id,
      target: 100_000,
      startDate: "2027-04-01",
      deadline: "2027-04-30",
      publish: true,
    });
    const { version } = await env.db.goal.findUniqueOrThrow({
      where: { id: created.id },
      select: { version: true },
    });
    const preview = await as.owner.goal.previewChange({
      teamId: teamId(),
      goalId: created.id,
      change: { kind: "deadline", deadline: "2027-05-07" },
    });
    expect(preview.goal).toEqual([
      { field: "deadline", from: "2027-04-30", to: "2027-05-07" },
      { field: "holidays", from: "none", to: "2027-05-03" },
    ]);
    await as.owner.goal.applyChange({
      teamId: teamId(),
      goalId: created.id,
      version,
      change: { kind: "deadline", deadline: "2027-05-07" },
    });
    const goal = await as.owner.goal.get({ teamId: teamId(), goalId: created.id });
    expect(goal.plan.days.find((d) => d.date === "2027-05-03")!.increment).toBe(0);
    expect(await as.owner.calendar.goalsToReplan({ teamId: teamId() })).toEqual([]);
    await env.db.teamHoliday.deleteMany({ where: { teamId: teamId() } });
    await env.db.goal.update({ where: { id: created.id }, data: { status: "ARCHIVED" } });
  });
});

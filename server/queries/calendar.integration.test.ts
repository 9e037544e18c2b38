/** Round trip of the calendar queries on a real database: every query runs and its decoded rows are checked. */
import { describe, expect, it } from "vitest";
import { insertTeamHolidays, readClosedDays, readGoalHolidays, upsertDaysOff } from "@/server/queries/calendar";
import { makeFunnelMetrics, makeGoal } from "@/tests/factories";
import { toDbDay } from "@/server/domain/db-day";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });

describe("calendar queries", () => {
  it("insertTeamHolidays adds new days only; upsertDaysOff writes or re-kinds; readClosedDays reads both", async () => {
    const { db, t } = env;
    const teamId = t.team.id;
    const holidays = [
      { day: "2027-12-25", name: "Christmas Day" },
      { day: "2027-12-27", name: "Boxing Day (substitute)" },
    ];
    expect((await insertTeamHolidays(db, { teamId, holidays })).sort()).toEqual(["2027-12-25", "2027-12-27"]);
    expect(await insertTeamHolidays(db, { teamId, holidays })).toEqual([]);

    const membershipId = t.memberA1.id;
    expect(
      (await upsertDaysOff(db, { membershipId, days: ["2027-12-28", "2027-12-29"], kind: "HOLIDAY" })).sort(),
    ).toEqual(["2027-12-28", "2027-12-29"]);
    expect(await upsertDaysOff(db, { membershipId, days: ["2027-12-29"], kind: "SICK" })).toEqual(["2027-12-29"]);

    const rows = await readClosedDays(db, { teamId, membershipId, from: "2027-12-25", to: "2027-12-28" });
    expect(rows.sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { source: "holiday", day: "2027-12-25", label: "Christmas Day" },
      { source: "holiday", day: "2027-12-27", label: "Boxing Day (substitute)" },
      { source: "day_off", day: "2027-12-28", label: "HOLIDAY" },
    ]);
    expect(await readClosedDays(db, { teamId, membershipId: null, from: "2027-12-29", to: "2027-12-31" })).toEqual([]);
    expect(await readClosedDays(db, { teamId, membershipId, from: "2027-12-29", to: "2027-12-29" })).toEqual([
      { source: "day_off", day: "2027-12-29", label: "SICK" },
    ]);
  });

  it("readGoalHolidays reads published goals with the holidays they were phased with and the team's now", async () => {
    const { db, t } = env;
    const teamId = t.team.id;
    const m = await makeFunnelMetrics(db, { teamId });
    const goal = await makeGoal(db, {
      teamId,
      rootMembershipId: t.owner.id,
      metricId: m.volume.id,
      target: 100_000,
      startDate: "2027-03-01",
      deadline: "2027-04-30",
      name: "Spring",
    });
    await db.goal.update({ where: { id: goal.id }, data: { status: "PUBLISHED", holidays: [toDbDay("2027-04-02")] } });
    await insertTeamHolidays(db, { teamId, holidays: [{ day: "2027-04-05", name: "Easter Monday" }] });
    const { version } = await db.goal.findUniqueOrThrow({ where: { id: goal.id }, select: { version: true } });
    expect(await readGoalHolidays(db, { teamId, today: "2027-03-17" })).toEqual([
      {
        id: goal.id,
        name: "Spring",
        rootMembershipId: t.owner.id,
        version,
        startDate: "2027-03-01",
        deadline: "2027-04-30",
        unit: "MONEY",
        phased: ["2027-04-02"],
        current: [{ day: "2027-04-05", name: "Easter Monday" }],
      },
    ]);
    expect(await readGoalHolidays(db, { teamId, today: "2027-05-01" })).toEqual([]);
  });
});

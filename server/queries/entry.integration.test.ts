/**
 * Round trip of the Log's queries (entry.ts, entry-log.ts) on a real database: every query runs and its decoded values
 * are checked, so a renamed or retyped column fails here.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { makeFunnelMetrics, makeGoal, makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { RowShapeError } from "./decode";
import { applyTotalDeltas, insertVictories, keepCreateRevision, lockEntryForUpdate, memberDailyTotals } from "./entry";
import { decodeLogContext, insertLogBatch, logContextSql, selectLogContext, type LogBatchEntry } from "./entry-log";

const env = setUpTestDatabase({ tree: "each" });

const totalsOf = async (membershipId: string) =>
  (
    await env.db.dailyTotal.findMany({
      where: { membershipId },
      select: { metricId: true, day: true, total: true, entries: true },
    })
  )
    .map((r) => ({ ...r, day: toIsoDay(r.day) }))
    .sort((a, b) => `${a.metricId}${a.day}`.localeCompare(`${b.metricId}${b.day}`));

describe("entry.ts", () => {
  it("applyTotalDeltas sums the changes per key in one upsert; memberDailyTotals reads them back", async () => {
    const { team, memberA1 } = env.t;
    const calls = await makeMetric(env.db, { teamId: team.id, key: "calls" });
    const d = { membershipId: memberA1.id, metricId: calls.id };
    await applyTotalDeltas(env.db, team.id, [
      { ...d, day: "2026-11-23", total: 5, entries: 2 },
      { ...d, day: "2026-11-24", total: 3, entries: 1 },
      { ...d, day: "2026-11-24", total: 4, entries: 1 },
    ]);
    // An edit moving an entry: −old on one day, +new on another, applied to the existing rows.
    await applyTotalDeltas(env.db, team.id, [
      { ...d, day: "2026-11-23", total: -2, entries: -1 },
      { ...d, day: "2026-11-24", total: 2, entries: 1 },
    ]);
    await applyTotalDeltas(env.db, team.id, []);
    expect(await totalsOf(memberA1.id)).toEqual([
      { metricId: calls.id, day: "2026-11-23", total: 3, entries: 1 },
      { metricId: calls.id, day: "2026-11-24", total: 9, entries: 3 },
    ]);
    const rows = await memberDailyTotals(env.db, { membershipId: memberA1.id, from: "2026-11-24", to: "2026-11-30" });
    expect(rows).toEqual([{ metricId: calls.id, day: toDbDay("2026-11-24"), total: 9 }]);
  });

  it("lockEntryForUpdate returns the entry with its member's own zone, deleted ones too, and null for another team", async () => {
    const { team, memberA1 } = env.t;
    const calls = await makeMetric(env.db, { teamId: team.id, key: "calls" });
    await env.db.membership.update({ where: { id: memberA1.id }, data: { timeZone: "America/New_York" } });
    const id = randomUUID();
    await env.db.entry.create({
      data: {
        id,
        teamId: team.id,
        membershipId: memberA1.id,
        metricId: calls.id,
        day: toDbDay("2026-11-24"),
        amount: 7,
        note: "Hi",
        createdById: memberA1.id,
      },
    });
    const row = await env.db.$transaction((tx) => lockEntryForUpdate(tx, { teamId: team.id, entryId: id }));
    expect(row).toEqual({
      id,
      teamId: team.id,
      membershipId: memberA1.id,
      metricId: calls.id,
      day: toDbDay("2026-11-24"),
      amount: 7,
      note: "Hi",
      version: 1,
      deletedAt: null,
      ownerTimeZone: "America/New_York",
    });
    const deletedAt = new Date("2026-11-25T10:00:00Z");
    await env.db.entry.update({ where: { id }, data: { deletedAt } });
    expect(await lockEntryForUpdate(env.db, { teamId: team.id, entryId: id })).toMatchObject({
      deletedAt,
      ownerTimeZone: "America/New_York",
    });
    expect(await lockEntryForUpdate(env.db, { teamId: "another-team", entryId: id })).toBeNull();
  });

  it("insertVictories inserts each key once and returns only the new keys", async () => {
    const { team, memberA1 } = env.t;
    const v = {
      kind: "RECORD",
      key: "record:day:x:2026-11-24",
      title: "New best",
      day: "2026-11-24",
      data: { value: 4 },
    };
    expect(await insertVictories(env.db, { teamId: team.id, membershipId: memberA1.id, victories: [] })).toEqual(
      new Set(),
    );
    expect(await insertVictories(env.db, { teamId: team.id, membershipId: memberA1.id, victories: [v] })).toEqual(
      new Set([v.key]),
    );
    const again = await insertVictories(env.db, {
      teamId: team.id,
      membershipId: memberA1.id,
      victories: [v, { ...v, kind: "PLAN_DONE", key: "plan_done:2026-11-24" }],
    });
    expect(again).toEqual(new Set(["plan_done:2026-11-24"]));
    const stored = await env.db.victory.findMany({
      where: { membershipId: memberA1.id },
      select: { kind: true, key: true, title: true, data: true, day: true },
      orderBy: { key: "asc" },
    });
    expect(stored).toEqual([
      {
        kind: "PLAN_DONE",
        key: "plan_done:2026-11-24",
        title: "New best",
        data: { value: 4 },
        day: toDbDay("2026-11-24"),
      },
      { kind: "RECORD", key: v.key, title: "New best", data: { value: 4 }, day: toDbDay("2026-11-24") },
    ]);
  });
});

describe("entry-log.ts", () => {
  it("insertLogBatch stores the good entries and their totals, and reports every entry's state", async () => {
    const { team, memberA1 } = env.t;
    const calls = await makeMetric(env.db, { teamId: team.id, key: "calls", name: "Calls" });
    const old = await makeMetric(env.db, { teamId: team.id, key: "old", name: "Old" });
    await env.db.metric.update({ where: { id: old.id }, data: { archivedAt: new Date("2026-01-01T00:00:00Z") } });
    const entry = (metricId: string, amount: number, ok = true): LogBatchEntry => ({
      id: randomUUID(),
      metricId,
      day: "2026-11-24",
      amount,
      note: null,
      ok,
    });
    const first = entry(calls.id, 2);
    const stored = await insertLogBatch(env.db, {
      teamId: team.id,
      membershipId: memberA1.id,
      entries: [first],
      maxDayTotal: 1000,
      contextSql: null,
    });
    expect(stored).toEqual([
      {
        id: first.id,
        metricName: "Calls",
        metricUnit: "COUNT",
        metricArchived: false,
        inserted: true,
        existingTeamId: null,
        existingMembershipId: null,
        existingMetricId: null,
        originalDay: null,
        originalAmount: null,
        originalNote: null,
        tooLarge: false,
        context: null,
      },
    ]);

    const fresh = { ...entry(calls.id, 3), note: "Call back" };
    const archived = entry(old.id, 1);
    const foreign = entry("not-a-metric", 1);
    const early = entry(calls.id, 1, false);
    // 2 stored + 3 fresh = 5; 6 more would pass the day's most of 10.
    const big = entry(calls.id, 6);
    const rows = await insertLogBatch(env.db, {
      teamId: team.id,
      membershipId: memberA1.id,
      entries: [first, fresh, archived, foreign, early, big],
      maxDayTotal: 10,
      contextSql: logContextSql({
        teamId: team.id,
        membershipId: memberA1.id,
        asOf: "2026-11-24",
        extraMetricIds: [calls.id],
      }),
    });
    expect(rows.map((r) => r.id)).toEqual([first.id, fresh.id, archived.id, foreign.id, early.id, big.id]);
    expect(rows.map((r) => r.tooLarge)).toEqual([false, false, false, false, false, true]);
    expect(rows[5]).toMatchObject({ inserted: false, metricName: "Calls", existingMembershipId: null });
    // The retry: seen, not stored again, with its original content.
    expect(rows[0]).toMatchObject({
      inserted: false,
      existingTeamId: team.id,
      existingMembershipId: memberA1.id,
      existingMetricId: calls.id,
      originalDay: toDbDay("2026-11-24"),
      originalAmount: 2,
      originalNote: null,
    });
    expect(rows[1]).toMatchObject({ inserted: true, metricName: "Calls", existingMembershipId: null });
    expect(rows[2]).toMatchObject({
      inserted: false,
      metricName: "Old",
      metricUnit: "COUNT",
      metricArchived: true,
      existingMembershipId: null,
    });
    expect(rows[3]).toMatchObject({ inserted: false, metricName: null, metricUnit: null, metricArchived: false });
    expect(rows[4]).toMatchObject({ inserted: false, metricName: "Calls", existingMembershipId: null });
    // The context on the first row only, as it was before the batch (the first entry's 2 calls).
    expect(rows.slice(1).map((r) => r.context)).toEqual([null, null, null, null, null]);
    expect(decodeLogContext(rows[0]!.context!).totals).toEqual([[calls.id, "2026-11-24", 2]]);

    expect(await totalsOf(memberA1.id)).toEqual([{ metricId: calls.id, day: "2026-11-24", total: 5, entries: 2 }]);
    // Logging writes no revision: an entry is its own creation record until its first change.
    const revisionsOf = (ids: string[]) =>
      env.db.entryRevision.findMany({
        where: { entryId: { in: ids } },
        select: { entryId: true, action: true, amount: true, note: true, actorId: true },
      });
    expect(await revisionsOf([first.id, fresh.id])).toEqual([]);
    // Before its first change the creation is written from the entry as logged, once.
    expect(await keepCreateRevision(env.db, fresh.id)).toBe(true);
    expect(await keepCreateRevision(env.db, fresh.id)).toBe(false);
    expect(await revisionsOf([first.id, fresh.id])).toEqual([
      { entryId: fresh.id, action: "create", amount: 3, note: "Call back", actorId: memberA1.id },
    ]);
    // A retry of a changed entry reports what was logged (the revision), not what the entry holds now.
    await env.db.entry.update({ where: { id: fresh.id }, data: { amount: 4, note: null } });
    const [retried] = await insertLogBatch(env.db, {
      teamId: team.id,
      membershipId: memberA1.id,
      entries: [fresh],
      maxDayTotal: 10,
      contextSql: null,
    });
    expect(retried).toMatchObject({ inserted: false, originalAmount: 3, originalNote: "Call back" });
    await env.db.entry.update({ where: { id: fresh.id }, data: { amount: 3, note: "Call back" } });
  });

  it("selectLogContext reads targets, funnel stages, metrics, totals, plan-done days and closed days", async () => {
    const { team, owner, memberA1 } = env.t;
    const m = await makeFunnelMetrics(env.db, { teamId: team.id });
    const goal = await makeGoal(env.db, {
      teamId: team.id,
      rootMembershipId: owner.id,
      metricId: m.sponsors.id,
      target: 70,
      startDate: "2026-11-02",
      deadline: "2026-11-27",
      name: "Sponsors",
    });
    await env.db.membership.update({ where: { id: memberA1.id }, data: { minutesPerDay: 90 } });
    await env.db.dailyTotal.createMany({
      data: [
        {
          teamId: team.id,
          membershipId: memberA1.id,
          metricId: m.contacts.id,
          day: toDbDay("2026-11-20"),
          total: 6,
          entries: 2,
        },
        // After asOf: not read.
        {
          teamId: team.id,
          membershipId: memberA1.id,
          metricId: m.contacts.id,
          day: toDbDay("2026-11-25"),
          total: 1,
          entries: 1,
        },
      ],
    });
    await env.db.victory.create({
      data: {
        teamId: team.id,
        membershipId: memberA1.id,
        kind: "PLAN_DONE",
        key: "plan_done:2026-11-23",
        title: "Done",
        day: toDbDay("2026-11-23"),
      },
    });
    await env.db.teamHoliday.create({ data: { teamId: team.id, day: toDbDay("2026-11-26"), name: "Thanksgiving" } });
    await env.db.memberDayOff.create({ data: { membershipId: memberA1.id, day: toDbDay("2026-11-19"), kind: "SICK" } });
    // A holiday after the last deadline: read only when asked for (closedThrough).
    await env.db.teamHoliday.create({ data: { teamId: team.id, day: toDbDay("2026-12-25"), name: "Christmas" } });

    const args = { teamId: team.id, membershipId: memberA1.id, asOf: "2026-11-24" };
    const context = await selectLogContext(env.db, args);
    expect(context.member).toEqual({ minutesPerDay: 90, workingDays: [1, 2, 3, 4, 5] });
    expect(context.targets).toEqual([
      {
        goalId: goal.id,
        name: "Sponsors",
        personal: goal.targets.get(memberA1.id)!.personal,
        startDate: "2026-11-02",
        deadline: "2026-11-27",
        metricId: m.sponsors.id,
        created: 1,
      },
    ]);
    expect(context.stages).toEqual([
      { resultMetricId: m.sponsors.id, activityMetricId: m.contacts.id, fromCount: 30, toCount: 10 },
      { resultMetricId: m.sponsors.id, activityMetricId: m.presentations.id, fromCount: 10, toCount: 1 },
    ]);
    expect(context.metrics.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { id: m.contacts.id, key: "contacts", name: "Contacts", unit: "COUNT", minutesPerAction: 5, kind: "ACTIVITY" },
      {
        id: m.presentations.id,
        key: "presentations",
        name: "Presentations",
        unit: "COUNT",
        minutesPerAction: 30,
        kind: "ACTIVITY",
      },
      { id: m.sponsors.id, key: "sponsors", name: "New sponsors", unit: "COUNT", minutesPerAction: 15, kind: "RESULT" },
    ]);
    expect(context.totals).toEqual([[m.contacts.id, "2026-11-20", 6]]);
    expect(context.planDone).toEqual(["2026-11-23"]);
    expect(context.closed.sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { source: "day_off", day: "2026-11-19", label: "SICK" },
      { source: "holiday", day: "2026-11-26", label: "Thanksgiving" },
    ]);
    const ahead = await selectLogContext(env.db, { ...args, closedThrough: "2027-11-24" });
    expect(ahead.closed.map((c) => c.day).sort()).toEqual(["2026-11-19", "2026-11-26", "2026-12-25"]);

    // The team's main goal (main-goal.ts): none yet; then the published goal made main most recently.
    expect(context.mainGoalId).toBeNull();
    await env.db.goal.update({ where: { id: goal.id }, data: { mainSince: new Date("2026-11-20T09:00:00Z") } });
    expect((await selectLogContext(env.db, args)).mainGoalId).toBe(goal.id);

    // Rates from the names list: the team's funnel links with their counted ends, the member's people per stage.
    const links = await env.db.funnelStage.findMany({
      where: { teamId: team.id },
      select: { resultMetricId: true, activityMetricId: true, position: true, result: true, activity: true },
    });
    expect(context.chain).toHaveLength(links.length);
    for (const l of links) {
      expect(context.chain).toContainEqual({
        resultMetricId: l.resultMetricId,
        activityMetricId: l.activityMetricId,
        position: l.position,
        counted: [l.result, l.activity].filter((x) => x.unit === "COUNT").map((x) => x.id),
      });
    }
    expect(context.chain.find((c) => c.activityMetricId === m.contacts.id)?.counted).toContain(m.contacts.id);
    expect(context.peopleByStage).toEqual([]);
    await env.db.person.createMany({
      data: [m.contacts.id, m.contacts.id, m.presentations.id, null].map((stageMetricId, i) => ({
        id: `00000000-0000-4000-8000-00000000000${i}`,
        teamId: team.id,
        membershipId: memberA1.id,
        name: `P${i}`,
        stageMetricId,
      })),
    });
    expect((await selectLogContext(env.db, args)).peopleByStage.sort()).toEqual(
      [
        [m.contacts.id, 2],
        [m.presentations.id, 1],
      ].sort(),
    );

    // Someone with nothing (no goal: closed days up to asOf only): empty lists, not nulls.
    const empty = await selectLogContext(env.db, { teamId: team.id, membershipId: "nobody", asOf: "2026-11-24" });
    expect(empty).toEqual({
      member: null,
      targets: [],
      stages: [],
      metrics: [],
      totals: [],
      planDone: [],
      closed: [],
      mainGoalId: goal.id,
      chain: context.chain,
      peopleByStage: [],
    });
  });

  it("decodeLogContext names a renamed or retyped field", () => {
    const good = {
      member: null,
      targets: null,
      stages: null,
      metrics: null,
      totals: null,
      planDone: null,
      closed: null,
      mainGoalId: null,
      chain: null,
      peopleByStage: null,
    };
    expect(decodeLogContext(JSON.stringify(good))).toMatchObject({ member: null, targets: [] });
    expect(() => decodeLogContext(JSON.stringify({ ...good, totals: [["m", "2026-11-24", "x"]] }))).toThrow(
      RowShapeError,
    );
    expect(() =>
      decodeLogContext(
        JSON.stringify({
          ...good,
          metrics: [{ id: "m", key: "k", title: "renamed", unit: "COUNT", minutesPerAction: null, kind: "ACTIVITY" }],
        }),
      ),
    ).toThrow(/"name"/);
    expect(() => decodeLogContext(JSON.stringify({ ...good, peopleByStage: [["m", "two"]] }))).toThrow(RowShapeError);
  });
});

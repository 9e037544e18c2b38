/**
 * Everything the Log page shows for one day of the acting member, in a handful of queries: the loggable
 * metrics with the day's plan (plan adapter) and totals, the day's live entries, the days that may be logged,
 * the "my week" strip (server/domain/week-strip.ts) and the current streak, the reminder time, and the member's
 * day (get-member-day.ts: today in their zone, and on a rest day why and the next open day's plan).
 *
 * "Today" is today where the member lives (their own time zone, else the team's); the week is the team's week
 * that contains that day. The Log context (one query) gives today's plan, the plan-done days and the closed days —
 * read a year ahead here, so the week strip and the next open day need no read of their own; it also names the team's
 * main goal (server/services/goal/main-goal.ts), shown first with the member's numbers for it when they are in it.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, compareDates, startOfPeriod } from "@/server/domain/calendar";
import { computeStreak } from "@/server/domain/streaks";
import { weekStrip } from "@/server/domain/week-strip";
import { badRequest } from "@/server/errors";
import type { TeamScope } from "@/server/services/team/scope";
import { allowedDays, dayProblem, logWindow } from "@/server/domain/allowed-days";
import { describeMemberDay, NEXT_OPEN_DAY_HORIZON } from "@/server/services/calendar/get-member-day";
import { memberDailyTotals } from "@/server/queries/entry";
import { loadLogContext, mainGoalFrom } from "./log-context";
import { listLoggableMetrics } from "./loggable-metrics";
import { planDayRecords } from "@/server/domain/plan-days";
import { planMet } from "@/server/domain/week-strip";
import { todayPlanFrom } from "./today-plan";
import { logPeople } from "@/server/services/person/log-people";
import * as clock from "@/server/clock";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

export async function getLogDay(db: DbClient, scope: TeamScope, input: { day?: string }) {
  const { actor, team } = scope;
  const window = logWindow(team, clock.now(), clock.memberTimeZone(actor, team));
  const today = window.today;
  const day = input.day ?? today;
  if (compareDates(day, today) > 0) throw badRequest(dayProblem(day, window) ?? "That day is in the future.", "day");
  const weekStart = startOfPeriod(today, "week", team.weekStartsOn);
  const from = compareDates(day, weekStart) < 0 ? day : weekStart;

  // Plan, plan-done days (400 days back) and closed days (400 days back to a year ahead: the next open day).
  const context = await loadLogContext(db, {
    teamId: team.id,
    membershipId: actor.id,
    asOf: today,
    closedThrough: addDays(today, NEXT_OPEN_DAY_HORIZON),
  });
  const plan = todayPlanFrom(context);
  const [metrics, totals, entries, membership, people] = await Promise.all([
    listLoggableMetrics(
      db,
      team.id,
      plan.actions.map((a) => a.metricId),
    ),
    memberDailyTotals(db, { membershipId: actor.id, from, to: today }),
    db.entry.findMany({
      where: { membershipId: actor.id, teamId: team.id, day: toDbDay(day), deletedAt: null },
      select: { id: true, metricId: true, amount: true, note: true, version: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
    db.membership.findUnique({ where: { id: actor.id }, select: { reminderTime: true } }),
    // The names list: today's follow-ups and the "who was it?" list (issue 18; server/services/person/log-people.ts).
    logPeople(db, { teamId: team.id, membershipId: actor.id, today }),
  ]);
  const closed = context.closed;
  const memberDay = await describeMemberDay(db, {
    team,
    membershipId: actor.id,
    ownTimeZone: actor.timeZone ?? null,
    today,
    closed,
  });

  const metricIds = new Set(metrics.map((m) => m.id));
  const plannedBy = new Map(plan.actions.filter((a) => a.planned > 0).map((a) => [a.metricId, a.planned]));
  const total = (metricId: string, d: string) =>
    totals.find((t) => t.metricId === metricId && toIsoDay(t.day) === d)?.total ?? 0;

  const actions = metrics
    .map((m) => ({
      metricId: m.id,
      key: m.key,
      name: m.name,
      kind: m.kind,
      unit: m.unit,
      planned: plannedBy.get(m.id) ?? 0,
      done: total(m.id, day),
    }))
    .sort((a, b) => Number(b.planned > 0) - Number(a.planned > 0));

  const planned = new Map([...plannedBy].filter(([id]) => metricIds.has(id)));
  const todayMet = planMet([...planned].map(([id, p]) => ({ planned: p, done: total(id, today) })));
  const metDays = new Set(context.planDoneDays);
  const week = weekStrip({
    today,
    weekStartsOn: team.weekStartsOn,
    calendar: { workingDays: team.workingDays, closedDays: closed.closedDays },
    metrics,
    planned,
    total,
    metDays,
  });
  if (todayMet) metDays.add(today);
  const streak = computeStreak({
    days: planDayRecords({ doneDays: [...metDays], today, todayMet }),
    today,
    workingDays: team.workingDays,
    // Holidays and days off are neutral: they never break a streak.
    closedDays: plan.closedDays,
  });

  return {
    today,
    day,
    allowedDays: allowedDays(window),
    currency: team.currency,
    /** Whether uplines may change their members' entries (the team's setting). */
    uplineCanEditEntries: team.uplineCanEditEntries,
    actions,
    entries,
    week,
    streak: { current: streak.current, best: streak.best, todayMet },
    reminderTime: membership?.reminderTime ?? null,
    /** Today where the member lives, their zone and the team's, and on a rest day why and what comes next. */
    memberDay,
    /** The team's main goal when the member has a target in it (name, their target and progress, today's actions). */
    mainGoal: mainGoalFrom(context),
    /** Today's follow-ups (first in today's actions; overdue counted) and the people offered after a tap. */
    people,
  };
}

export type LogDay = Awaited<ReturnType<typeof getLogDay>>;

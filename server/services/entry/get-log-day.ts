/**
 * Everything the Log page shows for one day of the acting member, in a handful of queries: the loggable
 * metrics with the day's plan (plan adapter) and totals, the day's live entries, the days that may be logged,
 * the "my week" strip (each day's completion vs plan) and the current streak, the reminder time, and the member's
 * day (get-member-day.ts: today in their zone, and on a rest day why and the next open day's plan).
 *
 * "Today" is today where the member lives (their own time zone, else the team's); the week is the team's week
 * that contains that day. A day of the strip is "off" when it is not open for the member: a rest weekday, a team
 * holiday or their own day off.
 *
 * The plan of a past day is not kept, so the strip measures every working day of the week against today's plan
 * numbers; a day counts as met when its PLAN_DONE victory was recorded (or, today, when the plan is met now).
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { addDays, compareDates, daysInRange, isOpenDay, startOfPeriod } from "@/server/domain/calendar";
import { computeStreak } from "@/server/domain/streaks";
import { badRequest } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { allowedDays, dayProblem, logWindow } from "@/server/domain/allowed-days";
import { describeMemberDay, NEXT_OPEN_DAY_HORIZON } from "@/server/services/calendar/get-member-day";
import { loadClosedDays } from "@/server/services/calendar/closed-days";
import { loadLogScope } from "./load-log-team";
import { listLoggableMetrics } from "./loggable-metrics";
import { planDayRecords } from "@/server/domain/plan-days";
import { getTodayPlan } from "./today-plan";
import * as clock from "@/server/clock";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

const STREAK_DAYS = 400;

export async function getLogDay(db: DbClient, args: { teamId: string; actor: ActorMembership; day?: string; now?: Date }) {
  const { actor } = args;
  const scope = await loadLogScope(db, { teamId: args.teamId, membershipId: actor.id });
  const { team } = scope;
  const window = logWindow(team, args.now ?? clock.now(), scope.timeZone);
  const today = window.today;
  const day = args.day ?? today;
  if (compareDates(day, today) > 0) throw badRequest(dayProblem(day, window) ?? "That day is in the future.", "day");
  const weekStart = startOfPeriod(today, "week", team.weekStartsOn);
  const weekDays = daysInRange(weekStart, addDays(weekStart, 6));
  const from = compareDates(day, weekStart) < 0 ? day : weekStart;

  const plan = await getTodayPlan(db, { teamId: team.id, membershipId: actor.id, asOf: today });
  const [metrics, totals, entries, planDone, membership, closed] = await Promise.all([
    listLoggableMetrics(
      db,
      team.id,
      plan.actions.map((a) => a.metricId),
    ),
    db.$queryRaw<{ metricId: string; day: Date; total: number }[]>(Prisma.sql`
      SELECT "metricId", day, total FROM "DailyTotal"
       WHERE "membershipId" = ${actor.id} AND day >= ${from}::date AND day <= ${today}::date`),
    db.entry.findMany({
      where: { membershipId: actor.id, teamId: team.id, day: toDbDay(day), deletedAt: null },
      select: { id: true, metricId: true, amount: true, note: true, version: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
    db.victory.findMany({
      where: { membershipId: actor.id, kind: "PLAN_DONE", day: { gte: toDbDay(addDays(today, -STREAK_DAYS)) } },
      select: { day: true },
    }),
    db.membership.findUnique({ where: { id: actor.id }, select: { reminderTime: true } }),
    // Holidays and the member's days off, from the strip's first day to a year ahead (the next open day).
    loadClosedDays(db, { teamId: team.id, membershipId: actor.id, from, to: addDays(today, NEXT_OPEN_DAY_HORIZON) }),
  ]);
  const calendar = { workingDays: team.workingDays, closedDays: closed.closedDays };
  const memberDay = await describeMemberDay(db, { team, membershipId: actor.id, ownTimeZone: scope.ownTimeZone, today, closed });

  const plannedBy = new Map(plan.actions.filter((a) => a.planned > 0).map((a) => [a.metricId, a.planned]));
  const total = (metricId: string, d: string) =>
    totals.find((t) => t.metricId === metricId && toIsoDay(t.day) === d)?.total ?? 0;
  const metricIds = new Set(metrics.map((m) => m.id));

  const actions = metrics
    .map((m) => ({ metricId: m.id, key: m.key, name: m.name, kind: m.kind, unit: m.unit, planned: plannedBy.get(m.id) ?? 0, done: total(m.id, day) }))
    .sort((a, b) => Number(b.planned > 0) - Number(a.planned > 0));

  const planned = [...plannedBy].filter(([id]) => metricIds.has(id));
  const todayMet = planned.length > 0 && planned.every(([id, p]) => total(id, today) >= p);
  const metDays = new Set(planDone.map((v) => toIsoDay(v.day)));
  if (todayMet) metDays.add(today);
  const week = weekDays.map((d) => {
    const working = isOpenDay(d, calendar);
    const future = compareDates(d, today) > 0;
    const plannedSum = working ? planned.reduce((s, [, p]) => s + p, 0) : 0;
    const doneSum = planned.reduce((s, [id, p]) => s + Math.min(total(id, d), p), 0);
    const logged = metrics.reduce((s, m) => s + (m.unit === "MONEY" ? 0 : total(m.id, d)), 0);
    return {
      day: d,
      isToday: d === today,
      isFuture: future,
      isWorkingDay: working,
      /** Percent of the plan done (0–100), null when nothing was planned. */
      percent: plannedSum > 0 ? Math.floor((doneSum * 100) / plannedSum) : null,
      met: metDays.has(d),
      /** Actions logged that day (counts and minutes; money is not summed with counts). */
      logged,
    };
  });
  const streak = computeStreak({
    days: planDayRecords({ doneDays: [...metDays], today, todayMet }),
    today,
    workingDays: team.workingDays,
    // Holidays and days off are neutral: they never break a streak (the plan's closed days reach 400 days back).
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
  };
}

export type LogDay = Awaited<ReturnType<typeof getLogDay>>;

/**
 * Everything the Log page shows for one day of the acting member, in a handful of queries: the loggable
 * metrics with the day's plan (plan adapter) and totals, the day's live entries, the days that may be logged,
 * the "my week" strip (each day's completion vs plan) and the current streak, and the reminder time.
 *
 * The plan of a past day is not kept, so the strip measures every working day of the week against today's plan
 * numbers; a day counts as met when its PLAN_DONE victory was recorded (or, today, when the plan is met now).
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { addDays, compareDates, daysInRange, isWorkingDay, startOfPeriod } from "@/server/domain/calendar";
import { computeStreak } from "@/server/domain/streaks";
import { badRequest } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { allowedDays, dayProblem, logWindow } from "./allowed-days";
import { loadLogTeam } from "./load-log-team";
import { listLoggableMetrics } from "./loggable-metrics";
import { planDayRecords } from "./plan-days";
import { getTodayPlan } from "./today-plan";
import * as clock from "@/server/clock";

const STREAK_DAYS = 400;

export async function getLogDay(db: DbClient, args: { teamId: string; actor: ActorMembership; day?: string; now?: Date }) {
  const { actor } = args;
  const team = await loadLogTeam(db, args.teamId);
  const window = logWindow(team, args.now ?? clock.now());
  const today = window.today;
  const day = args.day ?? today;
  if (compareDates(day, today) > 0) throw badRequest(dayProblem(day, window) ?? "That day is in the future.", "day");
  const weekStart = startOfPeriod(today, "week", team.weekStartsOn);
  const weekDays = daysInRange(weekStart, addDays(weekStart, 6));
  const from = compareDates(day, weekStart) < 0 ? day : weekStart;

  const plan = await getTodayPlan(db, { teamId: team.id, membershipId: actor.id, asOf: today });
  const [metrics, totals, entries, planDone, membership] = await Promise.all([
    listLoggableMetrics(
      db,
      team.id,
      plan.actions.map((a) => a.metricId),
    ),
    db.$queryRaw<{ metricId: string; day: Date; total: number }[]>(Prisma.sql`
      SELECT "metricId", day, total FROM "DailyTotal"
       WHERE "membershipId" = ${actor.id} AND day >= ${from}::date AND day <= ${today}::date`),
    db.entry.findMany({
      where: { membershipId: actor.id, teamId: team.id, day: new Date(`${day}T00:00:00.000Z`), deletedAt: null },
      select: { id: true, metricId: true, amount: true, note: true, version: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
    db.victory.findMany({
      where: { membershipId: actor.id, kind: "PLAN_DONE", day: { gte: new Date(`${addDays(today, -STREAK_DAYS)}T00:00:00.000Z`) } },
      select: { day: true },
    }),
    db.membership.findUnique({ where: { id: actor.id }, select: { reminderTime: true } }),
  ]);

  const plannedBy = new Map(plan.actions.filter((a) => a.planned > 0).map((a) => [a.metricId, a.planned]));
  const total = (metricId: string, d: string) =>
    totals.find((t) => t.metricId === metricId && t.day.toISOString().slice(0, 10) === d)?.total ?? 0;
  const metricIds = new Set(metrics.map((m) => m.id));

  const actions = metrics
    .map((m) => ({ metricId: m.id, key: m.key, name: m.name, kind: m.kind, unit: m.unit, planned: plannedBy.get(m.id) ?? 0, done: total(m.id, day) }))
    .sort((a, b) => Number(b.planned > 0) - Number(a.planned > 0));

  const planned = [...plannedBy].filter(([id]) => metricIds.has(id));
  const todayMet = planned.length > 0 && planned.every(([id, p]) => total(id, today) >= p);
  const metDays = new Set(planDone.map((v) => v.day.toISOString().slice(0, 10)));
  if (todayMet) metDays.add(today);
  const week = weekDays.map((d) => {
    const working = isWorkingDay(d, team.workingDays);
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
  };
}

export type LogDay = Awaited<ReturnType<typeof getLogDay>>;

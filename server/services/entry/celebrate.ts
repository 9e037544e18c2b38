/**
 * What a batch of entries for today just achieved, recorded as Victory rows (unique per member + key, so a
 * victory is recorded and celebrated once) and returned for the UI. Uses the pure engine:
 * `detectVictories` (records, milestones, plan done, streak) and `computeStreak`.
 *
 * - Per logged metric: a best-ever day or week (personal record).
 * - Per goal of that metric (from the plan adapter): 25/50/75 % of the personal target, the target itself.
 * - The day's plan (every planned action met): "today's plan done" and the streak it extends. A day's plan is
 *   known only on that day, so a met day is remembered as its PLAN_DONE victory; the streak counts open days
 *   with one, from the first such day on (days before any plan are neutral; rest weekdays, team holidays and the
 *   member's days off are neutral too, so a holiday never breaks a streak).
 */
import type { VictoryKind } from "@/generated/prisma/enums";
import type { DbClient } from "@/server/db-client";
import { addDays, compareDates, isOpenDay } from "@/server/domain/calendar";
import type { DayRecord } from "@/server/domain/streaks";
import { formatAmount } from "@/server/domain/money";
import { detectVictories, type Victory } from "@/server/domain/victories";
import { insertVictories } from "@/server/queries/entry";
import type { ScopeTeam } from "@/server/services/team/scope";
import { planDayRecords } from "@/server/domain/plan-days";
import { LOG_HISTORY_DAYS, loadLogContext, type LogContext } from "./log-context";
import { todayPlanFrom } from "./today-plan";

export interface Celebration {
  kind: VictoryKind;
  key: string;
  title: string;
  day: string;
}

interface NewVictory extends Celebration {
  data: Record<string, unknown>;
}

export async function celebrate(
  db: DbClient,
  args: {
    team: Pick<ScopeTeam, "id" | "currency" | "workingDays" | "weekStartsOn">;
    membershipId: string;
    today: string;
    addedToday: ReadonlyMap<string, number>;
    /** The Log context as it is now (entries of this batch included), when the caller has it: one query less. */
    context?: LogContext;
  },
): Promise<Celebration[]> {
  const { team, membershipId, today, addedToday } = args;
  // The Log context (this batch included): plan, goals, totals, metric names, plan-done days — read by the
  // statement that stored the batch, or here in one query.
  const context =
    args.context?.asOf === today
      ? args.context
      : await loadLogContext(db, {
          teamId: team.id,
          membershipId,
          asOf: today,
          extraMetricIds: [...addedToday.keys()],
        });
  const plan = todayPlanFrom(context);
  const planned = plan.actions.filter((a) => a.planned > 0);
  const goals = plan.goals.filter((g) => addedToday.has(g.metricId));
  // Records and streaks look back LOG_HISTORY_DAYS days.
  let from = addDays(today, -LOG_HISTORY_DAYS);
  for (const g of goals) if (compareDates(g.startDate, from) < 0) from = g.startDate;

  const metricById = context.metrics;
  const series = new Map<string, Map<string, number>>();
  for (const [metricId, days] of context.totals) {
    const s = new Map<string, number>();
    for (const [day, total] of days) if (compareDates(day, from) >= 0) s.set(day, total);
    series.set(metricId, s);
  }
  const planDoneDays = context.planDoneDays;
  const todayAfter = (metricId: string) => series.get(metricId)?.get(today) ?? 0;
  const todayBefore = (metricId: string) => todayAfter(metricId) - (addedToday.get(metricId) ?? 0);
  const amountText = (metricId: string, value: number) =>
    formatAmount(value, metricById.get(metricId)?.unit ?? "COUNT", team.currency);
  const found: NewVictory[] = [];
  const calendar = { workingDays: team.workingDays, closedDays: context.closed.closedDays };
  const base = { today, ...calendar, weekStartsOn: team.weekStartsOn };

  // Personal records, per metric logged today.
  for (const [metricId, added] of addedToday) {
    const name = metricById.get(metricId)?.name ?? "activity";
    const days: DayRecord[] = [...(series.get(metricId) ?? new Map<string, number>())].map(([date, total]) => ({
      date,
      planned: 0,
      done: date === today ? total - added : total,
    }));
    if (!days.some((d) => d.date === today)) days.push({ date: today, planned: 0, done: 0 });
    for (const v of detectVictories({ ...base, target: 0, progressBefore: 0, days, added })) {
      if (v.kind !== "personal_record") continue;
      found.push({
        kind: "RECORD",
        key: `record:${v.scope}:${metricId}:${v.periodStart}`,
        title: `New personal best: ${amountText(metricId, v.value)} ${name.toLowerCase()} ${v.scope === "day" ? "in a day" : "this week"}!`,
        day: today,
        data: { metricId, ...v },
      });
    }
  }

  // Goal milestones and targets.
  for (const goal of goals) {
    const added = addedToday.get(goal.metricId) ?? 0;
    let progress = goal.baseline;
    for (const [date, total] of series.get(goal.metricId) ?? [])
      if (compareDates(date, goal.startDate) >= 0) progress += total;
    const events = detectVictories({
      ...base,
      target: goal.target,
      baseline: goal.baseline,
      progressBefore: progress - added,
      days: [],
      added,
    });
    for (const v of events) {
      if (v.kind === "milestone") {
        const pct = Math.round(v.fraction * 100);
        found.push({
          kind: "MILESTONE",
          key: `milestone:${goal.goalId}:${pct}`,
          title: `${pct}% of your ${goal.name} target!`,
          day: today,
          data: { goalId: goal.goalId, ...v },
        });
      } else if (v.kind === "target_reached") {
        found.push({
          kind: "MILESTONE",
          key: `target:${goal.goalId}`,
          title: `Target reached: ${goal.name}!`,
          day: today,
          data: { goalId: goal.goalId, ...v },
        });
      }
    }
  }

  // Today's plan and the streak.
  if (planned.length > 0) {
    const metBefore = planned.every((a) => todayBefore(a.metricId) >= a.planned);
    const metAfter = planned.every((a) => todayAfter(a.metricId) >= a.planned);
    const days = planDayRecords({ doneDays: planDoneDays, today, todayMet: metBefore });
    const events: Victory[] =
      metAfter && !metBefore ? detectVictories({ ...base, target: 0, progressBefore: 0, days, added: 1 }) : [];
    for (const v of events) {
      if (v.kind === "daily_plan_done") {
        found.push({
          kind: "PLAN_DONE",
          key: `plan_done:${today}`,
          title: "Today's plan done — well done!",
          day: today,
          data: { actions: planned.length },
        });
      } else if (v.kind === "streak_extended" && v.length >= 2 && isOpenDay(today, calendar)) {
        found.push({
          kind: "STREAK",
          key: `streak:${today}`,
          title: `${v.length}-day streak${v.newBest ? " — your best yet" : ""}!`,
          day: today,
          data: { ...v },
        });
      }
    }
  }

  return recordVictories(db, { teamId: team.id, membershipId, victories: found });
}

/** Inserts the victories not recorded yet (unique membershipId + key) and returns only those. */
async function recordVictories(
  db: DbClient,
  args: { teamId: string; membershipId: string; victories: readonly NewVictory[] },
): Promise<Celebration[]> {
  const { victories } = args;
  if (victories.length === 0) return [];
  const keys = await insertVictories(db, { teamId: args.teamId, membershipId: args.membershipId, victories });
  return victories.filter((v) => keys.has(v.key)).map(({ kind, key, title, day }) => ({ kind, key, title, day }));
}

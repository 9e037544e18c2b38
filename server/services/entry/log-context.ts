/**
 * What the Log knows about one member around today, read in ONE query: their published targets (with the goal's
 * metric), the funnel steps of those goals, their daily totals from the start of the look-back window (or of the
 * earliest goal) to today, the days their plan was done, the minutes a day they have, the team's working days and
 * the member's closed days (team holidays and their own days off, from the look-back window to the last deadline, or
 * further when asked: today's actions skip them, streaks do not break over them).
 *
 * Logging reads this on every tap (celebrations, "today's plan done"), and the Log page on every visit, so it is
 * one round trip whatever the number of goals, funnel steps or days (docs/PERFORMANCE.md, Logging). Today's actions
 * are then computed from it in memory with the plan's own math (`goalActions`, `mergeTodayActions`), exactly as
 * `getMemberPlan` does from its own reads for the Plan page. The SQL and its strict decoder: server/queries/entry-log.ts.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, compareDates, type IsoDate } from "@/server/domain/calendar";
import { closedDaysFromRows, type ClosedDays } from "@/server/services/calendar/closed-days";
import {
  goalActions,
  mergeTodayActions,
  RATE_HISTORY_DAYS,
  type FunnelStep,
  type MetricRef,
  type TodayAction,
} from "@/server/domain/member-actions";
import { toDbDay } from "@/server/domain/db-day";
import { funnelStageRanks } from "@/server/domain/person-stage";
import { listHistoryFrom, type ListHistoryByResult } from "@/server/services/person/list-rates";
import {
  LOG_HISTORY_DAYS,
  selectLogContext,
  type LogContextArgs,
  type LogContextJson,
} from "@/server/queries/entry-log";

export { LOG_HISTORY_DAYS };

export interface LogContextMetric extends MetricRef {
  kind: string;
}

export interface LogContextTarget {
  goalId: string;
  name: string;
  personal: number;
  /** YYYY-MM-DD */
  startDate: string;
  deadline: string;
  metric: LogContextMetric;
  /** Position by creation (the order the Log lists goals in). */
  created: number;
}

export interface LogContext {
  asOf: IsoDate;
  /** Null when the member is not in the team (then nothing is planned). */
  member: { minutesPerDay: number | null; workingDays: number[] } | null;
  /** Published goals the member has a target in, by deadline. */
  targets: LogContextTarget[];
  /** Funnel steps per goal metric (top of the funnel first); every goal metric has an entry. */
  funnels: Map<string, FunnelStep[]>;
  /** The goals' metrics, their funnel activities and the extra metrics asked for. */
  metrics: Map<string, LogContextMetric>;
  /** Per metric, per day (YYYY-MM-DD): the member's daily total, from `from` to `asOf`. */
  totals: Map<string, Map<string, number>>;
  /** Days (YYYY-MM-DD) whose plan was done (PLAN_DONE victories), over the last LOG_HISTORY_DAYS days. */
  planDoneDays: string[];
  /**
   * Team holidays and the member's days off from LOG_HISTORY_DAYS before `asOf` to the latest of `asOf`, the last
   * deadline and `closedThrough` (`closedDays` is what the domain's WorkCalendar takes).
   */
  closed: ClosedDays;
  /** The team's main goal (server/services/goal/main-goal.ts), whether or not the member has a target in it. */
  mainGoalId: string | null;
  /** Rates from the member's names list (the same as My plan's, server/services/person/list-rates.ts). */
  listHistory: ListHistoryByResult;
}

/** The member's Log context around `asOf`, in ONE query (server/queries/entry-log.ts). */
export async function loadLogContext(db: DbClient, args: LogContextArgs): Promise<LogContext> {
  return logContextFrom(args.asOf, await selectLogContext(db, args));
}

/** The context from the decoded JSON of `logContextSql`. */
export function logContextFrom(asOf: IsoDate, json: LogContextJson): LogContext {
  const metrics = new Map(json.metrics.map((m) => [m.id, m]));
  const targets: LogContextTarget[] = [];
  for (const t of json.targets) {
    const metric = metrics.get(t.metricId);
    if (metric)
      targets.push({
        goalId: t.goalId,
        name: t.name,
        personal: t.personal,
        startDate: t.startDate,
        deadline: t.deadline,
        metric,
        created: t.created,
      });
  }
  const funnels = new Map<string, FunnelStep[]>(targets.map((t) => [t.metric.id, []]));
  for (const s of json.stages) {
    const activity = metrics.get(s.activityMetricId);
    if (!activity) continue;
    const { kind: _kind, ...ref } = activity;
    funnels.get(s.resultMetricId)?.push({ ...ref, fromCount: s.fromCount, toCount: s.toCount });
  }
  const totals = new Map<string, Map<string, number>>();
  for (const [metricId, day, total] of json.totals) {
    let series = totals.get(metricId);
    if (!series) totals.set(metricId, (series = new Map()));
    series.set(day, total);
  }
  return {
    asOf,
    member: json.member,
    targets,
    funnels,
    metrics,
    totals,
    planDoneDays: json.planDone,
    closed: closedDaysFromRows(json.closed),
    mainGoalId: json.mainGoalId,
    listHistory: listHistoryFrom(
      funnelStageRanks(json.chain, new Set(json.chain.flatMap((c) => c.counted))),
      Object.fromEntries(json.peopleByStage),
    ),
  };
}

/** Adds amounts just logged for `asOf` to a context read before they were stored (as it would be read now). */
export function addToday(context: LogContext, added: ReadonlyMap<string, number>): LogContext {
  for (const [metricId, amount] of added) {
    let series = context.totals.get(metricId);
    if (!series) context.totals.set(metricId, (series = new Map()));
    series.set(context.asOf, (series.get(context.asOf) ?? 0) + amount);
  }
  return context;
}

/** Per metric: the sum of the member's daily totals in [from, to] (inclusive); metrics without a row are left out. */
function sumTotals(
  context: LogContext,
  metricIds: readonly string[],
  from: IsoDate,
  to: IsoDate,
): Record<string, number> {
  const out: Record<string, number> = {};
  if (compareDates(to, from) < 0) return out;
  for (const id of new Set(metricIds)) {
    const series = context.totals.get(id);
    if (!series) continue;
    let sum = 0;
    let any = false;
    for (const [day, total] of series) {
      if (compareDates(day, from) >= 0 && compareDates(day, to) <= 0) {
        sum += total;
        any = true;
      }
    }
    if (any) out[id] = sum;
  }
  return out;
}

/**
 * Today's actions over every published goal of the member — the same math and inputs as the Plan page's
 * (`getMemberPlan`, server/services/goal/get-member-plan.ts), from the context instead of separate reads.
 */
export function todayActionsFrom(context: LogContext): TodayAction[] {
  if (!context.member || context.targets.length === 0) return [];
  const history = rateHistory(context);
  return mergeTodayActions(context.targets.map((target) => targetActions(context, target, history)));
}

/** The member's own totals over the rate window (their conversion rates), as `goalActions` takes them. */
function rateHistory(context: LogContext): Record<string, number> {
  const historyMetricIds = [...context.funnels].flatMap(([id, steps]) => [id, ...steps.map((s) => s.id)]);
  return sumTotals(context, historyMetricIds, addDays(context.asOf, -RATE_HISTORY_DAYS), addDays(context.asOf, -1));
}

/** Today's actions for one of the member's goals (none outside its dates). */
function targetActions(
  context: LogContext,
  target: LogContextTarget,
  history: Readonly<Record<string, number>>,
): TodayAction[] {
  const { member, asOf } = context;
  if (!member) return [];
  const steps = context.funnels.get(target.metric.id) ?? [];
  const doneThroughYesterday = sumTotals(
    context,
    [target.metric.id, ...steps.map((s) => s.id)],
    target.startDate,
    addDays(asOf, -1),
  );
  const { today, inPlan } = goalActions({
    goal: { startDate: toDbDay(target.startDate), deadline: toDbDay(target.deadline), metric: target.metric },
    personal: target.personal,
    steps,
    history,
    listHistory: context.listHistory(
      target.metric.id,
      steps.map((s) => s.id),
    ),
    doneThroughYesterday,
    workingDays: member.workingDays,
    closedDays: context.closed.closedDays,
    minutesPerDay: member.minutesPerDay,
    asOf,
  });
  return inPlan ? today.actions : [];
}

/** The team's main goal as the Log shows it to a member who has a target in it. */
export interface LogMainGoal {
  goalId: string;
  name: string;
  deadline: IsoDate;
  metric: { id: string; name: string; unit: LogContextMetric["unit"] };
  /** The member's personal target in it. */
  personal: number;
  /** What the member has logged of the goal's metric from its start through `asOf` (today included). */
  done: number;
  /** Today's actions for this goal alone (empty outside its dates or when nothing is due today). */
  today: TodayAction[];
}

/**
 * The team's main goal for the Log (server/services/goal/main-goal.ts), from the context already loaded: no read of
 * its own. Null when there is none or the member has no target in it (they then see their goals as before). Never
 * throws: a plan that cannot be computed shows the goal without today's numbers, as the Log does for its actions.
 */
export function mainGoalFrom(context: LogContext): LogMainGoal | null {
  const target = context.targets.find((t) => t.goalId === context.mainGoalId);
  if (!target) return null;
  let today: TodayAction[] = [];
  try {
    today = targetActions(context, target, rateHistory(context)).filter((a) => a.planned > 0);
  } catch (error) {
    console.error("[log] the main goal's plan could not be computed", error);
  }
  const done = sumTotals(context, [target.metric.id], target.startDate, context.asOf)[target.metric.id] ?? 0;
  return {
    goalId: target.goalId,
    name: target.name,
    deadline: target.deadline,
    metric: { id: target.metric.id, name: target.metric.name, unit: target.metric.unit },
    personal: target.personal,
    done,
    today,
  };
}

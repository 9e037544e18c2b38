/**
 * From a result target to today's actions, for one member: funnel back-calculation with the member's own
 * conversion rates (smoothed toward the team's defaults by `server/domain/funnel.ts`), then the daily plan and the
 * time check (`server/domain/daily-plan.ts`). Pure: the caller loads the numbers.
 *
 * Funnel steps are stored as FunnelStage rows: `fromCount` of a step's metric turn into `toCount` of the next step
 * (or of the result after the last step). When the result is money, the last step's ratio is a value per action
 * (e.g. 1 sponsor → £500 of team volume); that step is sized with `resultsForAmount` and the earlier steps by the
 * funnel. A goal on a metric without a funnel plans that metric itself as its one action.
 */
import { buildDailyPlan, type TimeCheck } from "@/server/domain/daily-plan";
import type { IsoDate } from "@/server/domain/calendar";
import { planFunnel, resultsForAmount, type FunnelStage, type StageHistory } from "@/server/domain/funnel";
import { preferListHistory, type RateSource } from "@/server/domain/list-rates";
import { toIsoDay } from "@/server/domain/db-day";

export type MetricUnitName = "COUNT" | "MONEY" | "MINUTES";

export interface MetricRef {
  id: string;
  key: string;
  name: string;
  unit: MetricUnitName;
  minutesPerAction: number | null;
}

export interface FunnelStep extends MetricRef {
  fromCount: number;
  toCount: number;
}

/** One of today's actions: a metric and how many to do today. */
export interface TodayAction {
  metricId: string;
  key: string;
  name: string;
  unit: MetricUnitName;
  planned: number;
}

export interface ActivityNeed extends MetricRef {
  /** Needed over the whole goal at the member's rates. */
  required: number;
  /** Already done (goal start … yesterday). */
  done: number;
  remaining: number;
  /** Conversion rate used into the next step (null for a value-per-action step or the goal metric itself). */
  rate: number | null;
  /** The team's default rate of this step (null where `rate` is). */
  defaultRate?: number | null;
  /** Where the member's observations behind `rate` came from: their names list, the Log, or none (team default). */
  rateSource?: RateSource | null;
}

/** How far back a member's own conversion rates are learned from. */
export const RATE_HISTORY_DAYS = 90;

/** Minutes a day assumed for the time check when the member has not said. */
export const DEFAULT_MINUTES_PER_DAY = 60;

export function activityNeeds(args: {
  result: MetricRef;
  /** The member's result target for the goal (their personal share). */
  amount: number;
  steps: readonly FunnelStep[];
  /** Per metric id: the member's totals over the look-back window (for their own conversion rates). */
  history?: Readonly<Record<string, number>>;
  /** Per metric id: done since the goal's start (up to yesterday). */
  done?: Readonly<Record<string, number>>;
  /** Per step's metric id: what the names list observed (list-rates.ts); used where it has enough people. */
  listHistory?: Readonly<Record<string, StageHistory>>;
}): ActivityNeed[] {
  const { result, amount, steps } = args;
  const done = (id: string) => args.done?.[id] ?? 0;
  const need = (m: MetricRef, required: number, rate: number | null): ActivityNeed => ({
    ...m,
    required,
    done: done(m.id),
    remaining: Math.max(0, required - done(m.id)),
    rate,
  });
  if (steps.length === 0) return [need(result, amount, null)];

  const { funnelSteps, stages, sources, valuePerAction } = funnelRateStages({
    result,
    steps,
    history: args.history,
    ...(args.listHistory ? { listHistory: args.listHistory } : {}),
  });
  let funnelTarget = amount;
  const tail: ActivityNeed[] = [];
  if (valuePerAction) {
    funnelTarget = resultsForAmount(amount, valuePerAction.value);
    tail.push(need(valuePerAction.step, funnelTarget, null));
  }
  if (funnelSteps.length === 0) return tail;

  const plan = planFunnel({ target: funnelTarget, stages });
  return [
    ...plan.stages.map((st, i) => ({
      ...need(funnelSteps[i]!, st.required, st.rate),
      defaultRate: st.defaultRate,
      rateSource: sources[i]!,
    })),
    ...tail,
  ];
}

/**
 * The conversion stages of a result's funnel as `planFunnel` takes them — each step's team default rate and the
 * member's own history (trials of the step, successes = the next step's count, at most the trials) — with what each
 * step turns into. The one reading of FunnelStage rows and history: a member's actions and their profile's conversion
 * rates (server/domain/conversion-rates.ts) both use it. When the result is money, the last step is a value per action
 * (`valuePerAction`), not a conversion. Where the member's names list has enough people at a step (`listHistory`,
 * server/domain/list-rates.ts) its observations replace the Log's for that step — smoothed the same way.
 */
export function funnelRateStages(args: {
  result: MetricRef;
  steps: readonly FunnelStep[];
  history?: Readonly<Record<string, number>>;
  listHistory?: Readonly<Record<string, StageHistory>>;
}): {
  funnelSteps: readonly FunnelStep[];
  /** What each funnel step turns into: the next step, or the result (or the value-per-action step). */
  nextOf: MetricRef[];
  stages: FunnelStage[];
  /** Where each stage's history came from: the names list, the Log's totals, or none (the team default). */
  sources: RateSource[];
  valuePerAction: { step: FunnelStep; value: number } | null;
} {
  const { result, steps } = args;
  const last = steps[steps.length - 1];
  const valuePerAction =
    last && last.toCount > last.fromCount
      ? { step: last, value: Math.max(1, Math.floor(last.toCount / last.fromCount)) }
      : null;
  const funnelSteps = valuePerAction ? steps.slice(0, -1) : steps;
  const nextOf = funnelSteps.map((_, i) =>
    i + 1 < funnelSteps.length ? funnelSteps[i + 1]! : valuePerAction ? valuePerAction.step : result,
  );
  const sources: RateSource[] = [];
  const stages = funnelSteps.map((s, i): FunnelStage => {
    let logHistory: StageHistory | undefined;
    if (args.history) {
      const trials = args.history[s.id] ?? 0;
      const successes = Math.min(trials, args.history[nextOf[i]!.id] ?? 0);
      if (trials > 0) logHistory = { trials, successes };
    }
    const { history, source } = preferListHistory(logHistory, args.listHistory?.[s.id]);
    sources.push(source);
    return { key: s.id, defaultRate: Math.min(1, s.toCount / s.fromCount), ...(history ? { history } : {}) };
  });
  return { funnelSteps, nextOf, stages, sources, valuePerAction };
}

export interface TodayPlan {
  actions: TodayAction[];
  timeCheck: TimeCheck;
  /** Minutes a day used for the check and whether the member said it themselves. */
  minutesPerDay: number;
  minutesPerDayAssumed: boolean;
}

/**
 * Today's actions (at most 5; the funnel's top first; only those due today — a rare action is 0 on most days) and
 * the time check (the busiest day) until the deadline.
 */
export function todayPlan(args: {
  today: IsoDate;
  deadline: IsoDate;
  workingDays: readonly number[];
  /** Days nothing is planned on (team holidays, the member's days off). */
  closedDays?: readonly IsoDate[];
  /**
   * The goal's first day, when the needs' `done` counts from it: today's actions then continue the whole goal's even
   * grid (a rare action is due on its own days, not every day). Without it today is the plan's first day.
   */
  start?: IsoDate;
  needs: readonly ActivityNeed[];
  minutesPerDay: number | null;
}): TodayPlan {
  const minutesPerDay = args.minutesPerDay ?? DEFAULT_MINUTES_PER_DAY;
  const plan = buildDailyPlan({
    today: args.today,
    deadline: args.deadline < args.today ? args.today : args.deadline,
    workingDays: args.workingDays,
    closedDays: args.closedDays ?? [],
    ...(args.start !== undefined ? { start: args.start } : {}),
    minutesPerDay,
    actions: args.needs.map((n) => ({
      key: n.id,
      remaining: n.remaining,
      done: n.done,
      minutesPerAction: n.minutesPerAction ?? 0,
    })),
  });
  const byId = new Map(args.needs.map((n) => [n.id, n]));
  const actions = (plan.today?.actions ?? []).map((a) => {
    const m = byId.get(a.key)!;
    return { metricId: m.id, key: m.key, name: m.name, unit: m.unit, planned: a.count };
  });
  return { actions, timeCheck: plan.timeCheck, minutesPerDay, minutesPerDayAssumed: args.minutesPerDay === null };
}

/**
 * Today's actions across several goals, for callers that don't care which goal asked for what (the Log page):
 * counts for the same metric are added; the biggest first, at most `max` (5).
 */
export function mergeTodayActions(lists: readonly (readonly TodayAction[])[], max = 5): TodayAction[] {
  const byMetric = new Map<string, TodayAction>();
  for (const list of lists) {
    for (const a of list) {
      const seen = byMetric.get(a.metricId);
      if (seen) seen.planned += a.planned;
      else byMetric.set(a.metricId, { ...a });
    }
  }
  return [...byMetric.values()].filter((a) => a.planned > 0).slice(0, max);
}

/** The needs and today's plan of one goal for one member, from what is already loaded (shared by getMemberPlan and the Log context). */
export function goalActions(args: {
  goal: { startDate: Date; deadline: Date; metric: MetricRef };
  personal: number;
  steps: readonly FunnelStep[];
  history: Readonly<Record<string, number>>;
  /** What the names list observed per step (list-rates.ts), when loaded. */
  listHistory?: Readonly<Record<string, StageHistory>>;
  doneThroughYesterday: Readonly<Record<string, number>>;
  workingDays: readonly number[];
  /** The member's closed days: team holidays and their own days off (the same list for the Plan page and the Log). */
  closedDays?: readonly IsoDate[];
  minutesPerDay: number | null;
  asOf: IsoDate;
}) {
  const start = toIsoDay(args.goal.startDate);
  const deadline = toIsoDay(args.goal.deadline);
  const needs = activityNeeds({
    result: args.goal.metric,
    amount: args.personal,
    steps: args.steps,
    history: args.history,
    done: args.doneThroughYesterday,
    ...(args.listHistory ? { listHistory: args.listHistory } : {}),
  });
  const inPlan = args.asOf >= start && args.asOf <= deadline;
  const today = todayPlan({
    today: inPlan ? args.asOf : deadline,
    deadline,
    workingDays: args.workingDays,
    closedDays: args.closedDays ?? [],
    start,
    needs,
    minutesPerDay: args.minutesPerDay,
  });
  return { needs, today, inPlan };
}

/**
 * Plans a goal over a loaded subtree — pure: the phased plan (`phasing.ts`), the cascade with overrides
 * (`cascade.ts`), and per member the funnel and today's actions with the time check (`funnel.ts`,
 * `daily-plan.ts`). Used by the preview, publish and every re-plan, so what a leader previews is what is saved.
 */
import type { IsoDate } from "@/server/domain/calendar";
import { cascadeTargets, type CascadeConflict, type CascadeOverride } from "@/server/domain/cascade";
import type { TimeCheck } from "@/server/domain/daily-plan";
import type { PhasedPlan } from "@/server/domain/phasing";
import { holidayDays, phaseGoal, ruleOf, type GoalShape, type DbSplitRule } from "./goal-phasing";
import {
  activityNeeds,
  todayPlan,
  type ActivityNeed,
  type FunnelStep,
  type MetricRef,
  type TodayAction,
} from "./member-actions";
import { formatAmount } from "@/server/domain/money";
import { toIsoDay } from "@/server/domain/db-day";

export interface GoalNode {
  id: string;
  parentId: string | null;
  depth: number;
  name: string;
  splitWeight: number;
  minutesPerDay: number | null;
  /** The member's place in the goal's stored split (`Membership.slot`), when loaded from the database. */
  slot?: number;
  /** The goal metric's actual over the look-back window before the start (the `history` rule); default 0. */
  historyActual?: number;
}

export interface GoalContext {
  team: { weekStartsOn: number; workingDays: number[]; currency: string };
  metric: MetricRef & { kind: "RESULT" | "ACTIVITY" };
  steps: FunnelStep[];
  /** Root first, every upline before its downline. */
  nodes: GoalNode[];
  /** Each node's upline as an index into `nodes` (−1 for the root), when the loader has it (the cascade skips ids). */
  parentIndex?: Int32Array;
  /** Per member: funnel metric totals over the last RATE_HISTORY_DAYS (own conversion rates). */
  rateHistory: Map<string, Record<string, number>>;
}

export interface GoalSpec extends GoalShape {
  splitRule: DbSplitRule;
  historyFloorPct: number;
}

export interface PlannedMember {
  id: string;
  parentId: string | null;
  depth: number;
  name: string;
  /** The member's split weight (percent of full time), used when the split rule is weighted. */
  splitWeight: number;
  personal: number;
  team: number;
  personalFixed: boolean;
  teamFixed: boolean;
  needs: ActivityNeed[];
  /** First remaining working day's actions. */
  firstDayActions: TodayAction[];
  timeCheck: TimeCheck;
  minutesPerDay: number;
  minutesPerDayAssumed: boolean;
  /** The daily plan needs more time than the member has. */
  overTime: boolean;
}

export interface ComputedGoalPlan {
  plan: PhasedPlan;
  members: PlannedMember[];
  conflicts: CascadeConflict[];
}

export function computeGoalPlan(
  spec: GoalSpec,
  ctx: GoalContext,
  options: { overrides?: CascadeOverride[]; asOf: IsoDate; withActions?: boolean },
): ComputedGoalPlan {
  const fmt = (a: number) => formatAmount(a, ctx.metric.unit, ctx.team.currency);
  const plan = phaseGoal(spec, ctx.team, fmt);
  // Names are for conflict messages only: the map is built when one is written.
  let names: Map<string, string> | undefined;
  const cascade = cascadeTargets({
    nodes: ctx.nodes.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      weight: n.splitWeight,
      historyActual: n.historyActual ?? 0,
    })),
    parentIndex: ctx.parentIndex,
    target: spec.target - spec.baseline,
    rule: ruleOf(spec.splitRule),
    overrides: options.overrides ?? [],
    historyFloor: spec.historyFloorPct / 100,
    nameOf: (id) => (names ??= new Map(ctx.nodes.map((n) => [n.id, n.name]))).get(id) ?? id,
    formatAmount: fmt,
  });
  const start = toIsoDay(spec.startDate);
  const deadline = toIsoDay(spec.deadline);
  const firstDay = options.asOf > start ? (options.asOf > deadline ? deadline : options.asOf) : start;
  // Members' first-day actions skip the goal's holidays too (their own days off are for My plan and the Log).
  const closedDays = holidayDays(spec);
  // Without actions every member's day plan depends only on their minutes a day: computed once per value (a publish
  // over 100,000 members would otherwise walk the calendar 100,000 times for the same empty plan).
  const emptyPlans = new Map<number | null, ReturnType<typeof todayPlan>>();
  const members = cascade.targets.map((t, i): PlannedMember => {
    const node = ctx.nodes[i]!;
    const needs =
      options.withActions === false
        ? []
        : activityNeeds({
            result: ctx.metric,
            amount: t.personal,
            steps: ctx.steps,
            history: ctx.rateHistory.get(node.id) ?? {},
          });
    let today = needs.length === 0 ? emptyPlans.get(node.minutesPerDay) : undefined;
    if (!today) {
      today = todayPlan({
        today: firstDay,
        deadline,
        workingDays: ctx.team.workingDays,
        closedDays,
        needs,
        minutesPerDay: node.minutesPerDay,
      });
      if (needs.length === 0) emptyPlans.set(node.minutesPerDay, today);
    }
    return {
      id: t.id,
      parentId: t.parentId,
      depth: node.depth,
      name: node.name,
      splitWeight: node.splitWeight,
      personal: t.personal,
      team: t.team,
      personalFixed: t.personalFixed,
      teamFixed: t.teamFixed,
      needs,
      firstDayActions: today.actions,
      timeCheck: today.timeCheck,
      minutesPerDay: today.minutesPerDay,
      minutesPerDayAssumed: today.minutesPerDayAssumed,
      overTime: !today.timeCheck.fits,
    };
  });
  return { plan, members, conflicts: cascade.conflicts };
}

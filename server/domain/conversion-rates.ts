/**
 * A member's own conversion rates, as their plans use them: for each step of a result's funnel, the team's default
 * rate, what the member's history shows (trials, successes, the observed rate) and the rate the funnel actually plans
 * with — the observed rate smoothed toward the default by credibility (`planFunnel`, server/domain/funnel.ts), read
 * through the same stages as a member's actions (`funnelRateStages`, server/domain/member-actions.ts). Pure.
 */
import { planFunnel, type StageHistory } from "./funnel";
import type { RateSource } from "./list-rates";
import { funnelRateStages, type FunnelStep, type MetricRef } from "./member-actions";

export interface ConversionRate {
  /** The activity of this step (e.g. contacts). */
  from: Pick<MetricRef, "id" | "name">;
  /** What it turns into: the next step, or the result. */
  to: Pick<MetricRef, "id" | "name">;
  /** The team's default, from the funnel's settings (fromCount → toCount). */
  defaultRate: number;
  /** How many of `from` the member did in the window (observations), and how many `to` they got (at most that). */
  trials: number;
  successes: number;
  /** successes / trials, or null without any observation. */
  observedRate: number | null;
  /** The rate the funnel plans with: smoothed toward the default, clamped. */
  rate: number;
  /** How much the member's own history counts in `rate` (0 = the default only, → 1 with a lot of history). */
  historyWeight: number;
  /** Where the observations come from: the names list (enough people at this step), the Log, or none. */
  source: RateSource;
}

export interface ResultConversionRates {
  result: Pick<MetricRef, "id" | "name" | "unit">;
  rates: ConversionRate[];
  /** A money result's last step: the value one action brings in the result's unit (e.g. 50,000 pence a sponsor), or null. */
  valuePerAction: { step: Pick<MetricRef, "id" | "name">; value: number } | null;
}

export function memberConversionRates(args: {
  result: MetricRef;
  steps: readonly FunnelStep[];
  /** Per metric id: the member's totals over the look-back window. */
  history: Readonly<Record<string, number>>;
  /** Per step's metric id: what the member's names list observed (server/domain/list-rates.ts). */
  listHistory?: Readonly<Record<string, StageHistory>>;
}): ResultConversionRates {
  const { result } = args;
  const { funnelSteps, nextOf, stages, sources, valuePerAction } = funnelRateStages(args);
  const plan = stages.length > 0 ? planFunnel({ target: 0, stages }) : { stages: [] };
  const rates = plan.stages.map((st, i): ConversionRate => {
    const history = stages[i]!.history;
    return {
      from: { id: funnelSteps[i]!.id, name: funnelSteps[i]!.name },
      to: { id: nextOf[i]!.id, name: nextOf[i]!.name },
      defaultRate: st.defaultRate,
      trials: history?.trials ?? 0,
      successes: history?.successes ?? 0,
      observedRate: st.observedRate,
      rate: st.rate,
      historyWeight: st.historyWeight,
      source: sources[i]!,
    };
  });
  return {
    result: { id: result.id, name: result.name, unit: result.unit },
    rates,
    valuePerAction: valuePerAction
      ? { step: { id: valuePerAction.step.id, name: valuePerAction.step.name }, value: valuePerAction.value }
      : null,
  };
}

/**
 * Funnel back-calculation: how much activity a result needs.
 *
 * A result (sponsors, sales) is reached through an ordered chain of activity stages (contacts → presentations →
 * result). Each stage converts into the next at a rate; the seed team's defaults are 1 sponsor per 10
 * presentations (rate 0.1) and 1 presentation per 3 contacts (rate ⅓), so 1 sponsor ← 10 presentations ← 30 contacts.
 *
 * Guarantees:
 * - Rates are the member's own, smoothed toward the team default by credibility (pseudo-counts):
 *     rate = (successes + k · defaultRate) / (trials + k),   k = `credibility` (default 10 pseudo-trials)
 *   so with no history the rate is the default, with k trials of history it is halfway between the member's own
 *   rate and the default, and with a lot of history it is essentially the member's own. The result is clamped to
 *   `RATE_BOUNDS` (1%–100%) so a bad week can never make a plan explode (at most ×100 per stage).
 * - Required counts are whole numbers, computed from the result backwards: each is the smallest n with
 *   n · rate ≥ next (`countToReach`), so meeting every stage's count reaches the result at those rates and one fewer
 *   does not. Rounding never drops a unit: the only slack is for floating noise, relative and a few units in the last
 *   place (2⁻⁵⁰ · next), so 30 × ⅓ reaches 10 while 10,000,001 × 99.9 % = 9,990,000.999 stays short of 9,990,001. For a
 *   rate num/den this is exact whenever den · next < 7·10¹⁴. They never decrease when the target grows.
 * - Invalid input (fractional or negative target or history, a default rate outside (0, 1], repeated stage keys,
 *   no stages) throws `PlanningError`.
 */
import { PlanningError, requireAmount } from "./errors";

export const DEFAULT_CREDIBILITY = 10;
export const RATE_BOUNDS = { min: 0.01, max: 1 } as const;

export interface StageHistory {
  /** How many times this activity was done in the look-back window. */
  trials: number;
  /** How many of those turned into the next stage (or the result) in the same window. */
  successes: number;
}

export interface FunnelStage {
  key: string;
  label?: string;
  /** Team default: fraction of this stage that turns into the next stage (the last stage: into the result). */
  defaultRate: number;
  history?: StageHistory;
}

export interface FunnelInput {
  /** Results needed (whole number). */
  target: number;
  /** From the first activity to the last one before the result. */
  stages: readonly FunnelStage[];
  /** Pseudo-trials given to the team default (default 10). */
  credibility?: number;
  rateBounds?: { min: number; max: number };
}

export interface FunnelStagePlan {
  key: string;
  label?: string;
  /** How many of this activity are needed. */
  required: number;
  /** The rate used (smoothed, clamped). */
  rate: number;
  defaultRate: number;
  /** successes / trials, or null without history. */
  observedRate: number | null;
  /** Weight of the member's own history in the rate: trials / (trials + k). */
  historyWeight: number;
}

export interface FunnelPlan {
  target: number;
  stages: FunnelStagePlan[];
}

/** Credibility-weighted conversion rate (see the module comment). */
export function smoothedRate(
  defaultRate: number,
  history: StageHistory | undefined,
  credibility: number = DEFAULT_CREDIBILITY,
  bounds: { min: number; max: number } = RATE_BOUNDS,
): number {
  checkRate(defaultRate, "defaultRate");
  if (typeof credibility !== "number" || !Number.isFinite(credibility) || credibility < 0) {
    throw new PlanningError(
      "invalid_credibility",
      `The credibility must be a number ≥ 0 (got ${String(credibility)}).`,
      "credibility",
    );
  }
  if (!(bounds.min > 0 && bounds.min <= bounds.max && bounds.max <= 1)) {
    throw new PlanningError("invalid_rate_bounds", "Rate bounds must satisfy 0 < min ≤ max ≤ 1.", "rateBounds");
  }
  const trials = history ? requireAmount(history.trials, "history.trials", "number of trials") : 0;
  const successes = history ? requireAmount(history.successes, "history.successes", "number of successes") : 0;
  const denominator = trials + credibility;
  const raw = denominator > 0 ? (successes + credibility * defaultRate) / denominator : defaultRate;
  return Math.min(bounds.max, Math.max(bounds.min, raw));
}

function checkRate(rate: number, field: string) {
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate <= 0 || rate > 1) {
    throw new PlanningError(
      "invalid_rate",
      `A conversion rate must be above 0 and at most 1 (got ${String(rate)}).`,
      field,
    );
  }
}

/** Relative slack for floating noise in a rate and a product: 2⁻⁵⁰, eight units in the last place. */
const FLOATING_NOISE = 2 ** -50;

/**
 * The smallest whole n with n · rate ≥ next (next a whole number ≥ 0, 0 < rate ≤ 1), up to floating noise only (see
 * the module comment). `next / rate` is a first guess; the product check decides.
 */
export function countToReach(next: number, rate: number): number {
  if (next <= 0) return 0;
  const needed = next - next * FLOATING_NOISE;
  let n = Math.ceil(next / rate);
  if (!Number.isSafeInteger(n + 1)) {
    throw new PlanningError(
      "too_large",
      "The funnel would need more of one activity than can be counted: lower the target.",
      "target",
    );
  }
  while (n > 0 && (n - 1) * rate >= needed) n--;
  while (n * rate < needed) n++;
  return n;
}

/**
 * The planned count of each funnel step behind a planned result, for `stages` in funnel order (top first): worked
 * backwards from the result, each step the smallest whole count whose conversion reaches the next (`fromCount` of a
 * step make `toCount` of the next, `countToReach`). Nothing planned plans nothing (0, never -0); a stage without
 * counts plans 0. The dashboard's funnel chart plans a period's steps with it.
 */
export function plannedBehind(result: number, stages: readonly { fromCount: number; toCount: number }[]): number[] {
  const planned = new Array<number>(stages.length);
  let next = result;
  for (let i = stages.length - 1; i >= 0; i--) {
    const { fromCount, toCount } = stages[i]!;
    next = fromCount > 0 && toCount > 0 ? countToReach(next, toCount / fromCount) : 0;
    planned[i] = next;
  }
  return planned;
}

export function planFunnel(input: FunnelInput): FunnelPlan {
  const target = requireAmount(input.target, "target", "result target");
  if (!Array.isArray(input.stages) || input.stages.length === 0) {
    throw new PlanningError("no_stages", "A funnel needs at least one activity stage.", "stages");
  }
  const credibility = input.credibility ?? DEFAULT_CREDIBILITY;
  const bounds = input.rateBounds ?? RATE_BOUNDS;
  const keys = new Set<string>();
  const plans: FunnelStagePlan[] = input.stages.map((stage, i) => {
    if (keys.has(stage.key))
      throw new PlanningError("duplicate_stage", `The stage ${stage.key} appears twice.`, `stages.${i}`);
    keys.add(stage.key);
    checkRate(stage.defaultRate, `stages.${i}.defaultRate`);
    const rate = smoothedRate(stage.defaultRate, stage.history, credibility, bounds);
    const trials = stage.history?.trials ?? 0;
    const plan: FunnelStagePlan = {
      key: stage.key,
      required: 0,
      rate,
      defaultRate: stage.defaultRate,
      observedRate: trials > 0 ? stage.history!.successes / trials : null,
      historyWeight: trials + credibility > 0 ? trials / (trials + credibility) : 1,
    };
    if (stage.label !== undefined) plan.label = stage.label;
    return plan;
  });
  let next = target;
  for (let i = plans.length - 1; i >= 0; i--) {
    const stage = plans[i]!;
    stage.required = countToReach(next, stage.rate);
    next = stage.required;
  }
  return { target, stages: plans };
}

/** Whole results needed to reach an amount at an average value per result (e.g. $5,000 at $500 a sale → 10). */
export function resultsForAmount(amount: number, averageValuePerResult: number): number {
  requireAmount(amount, "amount");
  requireAmount(averageValuePerResult, "averageValuePerResult", "average value per result", 1);
  return Math.ceil(amount / averageValuePerResult);
}

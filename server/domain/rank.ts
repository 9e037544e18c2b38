/**
 * From an income goal to what it takes: "$5k a month needs a rank, which needs team volume and N sponsored
 * people" — the first link of the seed chain, before the funnel (server/domain/funnel.ts) turns the sponsored
 * people into presentations and contacts.
 *
 * Guarantees:
 * - `rankForIncome` returns the lowest rank (by `position`) whose typical monthly income reaches the goal, or
 *   null when no rank does (the goal is above the top rank's income). A goal of 0 needs no rank (null).
 *   The chosen rank never goes down when the goal goes up.
 * - `rankGap` says what is still missing for a rank from what the member has now: each requirement minus the
 *   current value, never below zero (whole numbers, minor units for volumes).
 * - Ranks must have distinct positions and whole, non-negative amounts; anything else is a `PlanningError`.
 */
import { PlanningError, requireAmount } from "./errors";

export interface RankRequirement {
  id: string;
  name: string;
  /** Order in the compensation plan, lowest first. */
  position: number;
  /** Minor units per month. */
  personalVolume: number;
  teamVolume: number;
  personallySponsored: number;
  qualifiedLegs: number;
  /** Typical monthly income at this rank, minor units. */
  monthlyIncome: number;
}

export type RankProgress = Pick<
  RankRequirement,
  "personalVolume" | "teamVolume" | "personallySponsored" | "qualifiedLegs"
>;

const REQUIREMENT_KEYS = ["personalVolume", "teamVolume", "personallySponsored", "qualifiedLegs"] as const;

function validateRanks<R extends RankRequirement>(ranks: readonly R[]): R[] {
  const positions = new Set<number>();
  ranks.forEach((rank, i) => {
    requireAmount(rank.position, `ranks.${i}.position`, `position of ${rank.name}`);
    if (positions.has(rank.position)) {
      throw new PlanningError(
        "duplicate_rank_position",
        `Two ranks share position ${rank.position}.`,
        `ranks.${i}.position`,
      );
    }
    positions.add(rank.position);
    for (const key of [...REQUIREMENT_KEYS, "monthlyIncome"] as const) {
      requireAmount(rank[key], `ranks.${i}.${key}`, `${key} of ${rank.name}`);
    }
  });
  return [...ranks].sort((a, b) => a.position - b.position);
}

/** The lowest rank whose monthly income reaches `monthlyIncomeGoal` (minor units), or null if none does. */
export function rankForIncome<R extends RankRequirement>(ranks: readonly R[], monthlyIncomeGoal: number): R | null {
  requireAmount(monthlyIncomeGoal, "monthlyIncomeGoal", "monthly income goal");
  if (monthlyIncomeGoal === 0) return null;
  return validateRanks(ranks).find((rank) => rank.monthlyIncome >= monthlyIncomeGoal) ?? null;
}

/** What is still missing for `rank`, requirement by requirement (never negative). */
export function rankGap(rank: RankRequirement, current: RankProgress): RankProgress {
  const gap = {} as RankProgress;
  for (const key of REQUIREMENT_KEYS) {
    requireAmount(current[key], `current.${key}`, key);
    gap[key] = Math.max(0, rank[key] - current[key]);
  }
  return gap;
}

/**
 * "Reach this rank by then": month-by-month requirements that climb from where the member stands (`current`) to
 * the rank's requirements in the last of `months` months, evenly, rounded up so no month asks less than an even
 * share. A requirement already met stays at the rank's level every month.
 *
 * Guarantees: `months` entries; whole numbers; each requirement never goes down from one month to the next; the
 * last month equals the rank's requirement; no month asks more than the rank.
 */
export function rampToRank(current: RankProgress, rank: RankRequirement, months: number): RankProgress[] {
  if (!Number.isInteger(months) || months < 1 || months > 120) {
    throw new PlanningError(
      "invalid_months",
      `The number of months must be a whole number from 1 to 120 (got ${String(months)}).`,
      "months",
    );
  }
  for (const key of REQUIREMENT_KEYS) {
    requireAmount(current[key], `current.${key}`, key);
    requireAmount(rank[key], `rank.${key}`, `${key} of ${rank.name}`);
  }
  return Array.from({ length: months }, (_, i) => {
    const k = i + 1;
    const step = {} as RankProgress;
    for (const key of REQUIREMENT_KEYS) {
      const from = current[key];
      const to = rank[key];
      step[key] = from >= to ? to : from + Math.ceil(((to - from) * k) / months);
    }
    return step;
  });
}

/**
 * Fixtures shared by the phasing tests (test-only; never imported by app code): the seed goal of the brief and a
 * PlanningError matcher.
 */
import { expect } from "vitest";
import { PlanningError } from "./errors";
import type { PhasingInput } from "./phasing";

export const gbp = (pence: number) => `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`;

/** The seed goal: £50,000 by the end of December 2026; £42k / £30k / £20k with one / two / three weeks to go. */
export const seed: PhasingInput = {
  start: "2026-12-01",
  deadline: "2026-12-31",
  target: 5_000_000,
  period: "week",
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  curve: {
    kind: "custom",
    checkpoints: [
      { weeksToGo: 1, cumulative: 4_200_000 },
      { weeksToGo: 2, cumulative: 3_000_000 },
      { weeksToGo: 3, cumulative: 2_000_000 },
    ],
  },
};

export function expectThrows(fn: () => unknown, code: string, message?: string | RegExp) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PlanningError);
    expect((e as PlanningError).code).toBe(code);
    if (typeof message === "string") expect((e as Error).message).toBe(message);
    else if (message) expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error(`expected a PlanningError ${code}`);
}

import { describe, expect, it } from "vitest";
import { phasePlan, type CheckpointInput, type PhasingInput } from "./phasing";
import { expectThrows, gbp, seed } from "./phasing-fixtures";

describe("checkpoints: the seed goal", () => {
  const plan = phasePlan(seed);

  it("resolves 'weeks to go' to dates counted back from the deadline", () => {
    expect(plan.checkpoints).toEqual([
      { date: "2026-12-10", cumulative: 2_000_000, daysToGo: 21 },
      { date: "2026-12-17", cumulative: 3_000_000, daysToGo: 14 },
      { date: "2026-12-24", cumulative: 4_200_000, daysToGo: 7 },
    ]);
  });

  it("accepts explicit dates and days-to-go for the same checkpoints", () => {
    const byDate = phasePlan({
      ...seed,
      curve: {
        kind: "custom",
        checkpoints: [
          { date: "2026-12-10", cumulative: 2_000_000 },
          { daysToGo: 14, cumulative: 3_000_000 },
          { date: "2026-12-24", cumulative: 4_200_000 },
          { date: "2026-12-31", cumulative: 5_000_000 },
        ],
      },
    });
    expect(byDate.days).toEqual(plan.days);
  });
});

describe("checkpoints: rejects invalid checkpoints with clear messages", () => {
  const custom = (checkpoints: CheckpointInput[]): PhasingInput => ({
    ...seed,
    formatAmount: gbp,
    curve: { kind: "custom", checkpoints },
  });
  it("checkpoints that go down over time", () => {
    expectThrows(
      () =>
        phasePlan(
          custom([
            { weeksToGo: 2, cumulative: 3_000_000 },
            { weeksToGo: 1, cumulative: 2_900_000 },
          ]),
        ),
      "checkpoints_out_of_order",
      "The checkpoints go down over time: £30,000.00 by 2026-12-17 but only £29,000.00 by 2026-12-24.",
    );
  });
  it("checkpoint above the target, below the baseline, after the deadline, before the start", () => {
    expectThrows(
      () => phasePlan(custom([{ weeksToGo: 1, cumulative: 5_000_001 }])),
      "checkpoint_above_target",
      /above the target \(£50,000\.00\)/,
    );
    expectThrows(
      () => phasePlan({ ...custom([{ weeksToGo: 1, cumulative: 10 }]), baseline: 100 }),
      "checkpoint_below_baseline",
    );
    expectThrows(
      () => phasePlan(custom([{ date: "2027-01-02", cumulative: 10 }])),
      "checkpoint_after_deadline",
      /after the deadline \(2026-12-31\)/,
    );
    expectThrows(
      () => phasePlan(custom([{ weeksToGo: 5, cumulative: 10 }])),
      "checkpoint_before_start",
      /before the start \(2026-12-01\)/,
    );
  });
  it("two checkpoints on one day, and a checkpoint on the deadline that is not the target", () => {
    expectThrows(
      () =>
        phasePlan(
          custom([
            { weeksToGo: 1, cumulative: 10 },
            { date: "2026-12-24", cumulative: 10 },
          ]),
        ),
      "checkpoints_same_day",
    );
    expectThrows(() => phasePlan(custom([{ weeksToGo: 0, cumulative: 10 }])), "checkpoint_at_deadline");
  });
});

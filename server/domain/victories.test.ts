import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import type { DayRecord } from "./streaks";
import { detectVictories, type Victory, type VictoryInput } from "./victories";

const weekdays = [1, 2, 3, 4, 5];

describe("victory examples", () => {
  // The seed month: £50,000 target. Thursday 17 December, £29,000 so far, planned £2,000 today, £500 done.
  const days: DayRecord[] = [
    { date: "2026-12-07", planned: 250_000, done: 260_000 },
    { date: "2026-12-08", planned: 250_000, done: 150_000 },
    { date: "2026-12-09", planned: 250_000, done: 250_000 },
    { date: "2026-12-10", planned: 250_000, done: 140_000 }, // best week so far: £8,000
    { date: "2026-12-14", planned: 200_000, done: 200_000 },
    { date: "2026-12-15", planned: 200_000, done: 210_000 },
    { date: "2026-12-16", planned: 200_000, done: 200_000 },
    { date: "2026-12-17", planned: 200_000, done: 50_000 },
  ];
  const base: VictoryInput = {
    today: "2026-12-17",
    workingDays: weekdays,
    target: 5_000_000,
    progressBefore: 2_400_000,
    days,
    added: 250_000,
  };

  it("crossing half way, finishing today's plan, extending the streak and a best day — all from one entry", () => {
    const events = detectVictories(base);
    expect(events).toEqual<Victory[]>([
      { kind: "milestone", fraction: 0.5, threshold: 2_500_000, value: 2_650_000 },
      { kind: "daily_plan_done", date: "2026-12-17", planned: 200_000, done: 300_000 },
      { kind: "streak_extended", length: 4, newBest: true, milestone: false },
      { kind: "personal_record", scope: "day", periodStart: "2026-12-17", value: 300_000, previous: 260_000 },
      { kind: "personal_record", scope: "week", periodStart: "2026-12-14", value: 910_000, previous: 800_000 },
    ]);
  });

  it("reaching the target", () => {
    const events = detectVictories({ ...base, progressBefore: 4_900_000, added: 100_000 });
    expect(events).toContainEqual({ kind: "target_reached", target: 5_000_000, value: 5_000_000 });
  });

  it("a record already beaten earlier today is not celebrated again", () => {
    const events = detectVictories({ ...base, added: 100_000 }); // week: 660k → 760k, still below 800k
    expect(events.filter((e) => e.kind === "personal_record")).toEqual([]);
    const again = detectVictories({
      ...base,
      days: base.days.map((d) => (d.date === "2026-12-17" ? { ...d, done: 300_000 } : d)),
      added: 10_000,
    });
    expect(again.filter((e) => e.kind === "personal_record")).toEqual([]);
  });

  it("nothing to celebrate for a small entry, a correction, or a first-ever day", () => {
    expect(detectVictories({ ...base, added: 1_000 })).toEqual([]);
    expect(detectVictories({ ...base, added: -1_000 })).toEqual([]);
    const first = detectVictories({
      ...base,
      days: [{ date: "2026-12-17", planned: 0, done: 0 }],
      progressBefore: 0,
      added: 10,
    });
    expect(first.filter((e) => e.kind === "personal_record")).toEqual([]);
  });
});

describe("victory properties", () => {
  it("logging an amount in two steps celebrates each milestone and the target exactly once", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.nat({ max: 1_000_000 }),
        fc.nat({ max: 1_000_000 }),
        fc.nat({ max: 1_000_000 }),
        (target, before, a, b) => {
          const common = { today: "2026-12-17", workingDays: weekdays, target, days: [] as DayRecord[] };
          const once = detectVictories({ ...common, progressBefore: before, added: a + b });
          const twice = [
            ...detectVictories({ ...common, progressBefore: before, added: a }),
            ...detectVictories({ ...common, progressBefore: before + a, added: b }),
          ];
          const key = (e: Victory) =>
            e.kind === "milestone" ? `m${e.fraction}` : e.kind === "target_reached" ? "t" : "";
          expect(twice.map(key).sort()).toEqual(once.map(key).sort());
          // And each crossing is real.
          for (const e of once) {
            if (e.kind === "milestone") expect(before < e.threshold && e.threshold <= before + a + b).toBe(true);
            if (e.kind === "target_reached") expect(before < target && target <= before + a + b).toBe(true);
          }
        },
      ),
    );
  });

  it("a milestone fires exactly when progress × 100 ≥ target × percent, at any size (no unit early above £3.3M)", () => {
    // 75 % of £3,333,333.35 is £2,500,000.0125: reached at 250,000,002 pence, not one penny before.
    const common = { today: "2026-12-17", workingDays: weekdays, days: [] as DayRecord[] };
    const early = detectVictories({ ...common, target: 333_333_335, progressBefore: 250_000_000, added: 1 });
    expect(early.filter((e) => e.kind === "milestone")).toEqual([]);
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 2 ** 52 }),
        fc.nat({ max: 1_000_000_000 }),
        fc.constantFrom(25, 50, 75),
        (span, baseline, pct) => {
          const target = baseline + span;
          // The first whole amount of progress with (progress − baseline) · 100 ≥ span · pct, in exact integers.
          const t = baseline + Number((BigInt(span) * BigInt(pct) + 99n) / 100n);
          const fraction = pct / 100;
          const fired = (before: number, added: number) =>
            detectVictories({ ...common, target, baseline, progressBefore: before, added }).some(
              (e) => e.kind === "milestone" && e.fraction === fraction && e.threshold === t,
            );
          expect(fired(t - 2, 1)).toBe(false); // one unit short
          expect(fired(t - 1, 1)).toBe(true); // exactly there
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a personal day record is reported exactly when today first beats every earlier day", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 20 }),
        fc.nat({ max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (history, todayBefore, added) => {
          const today = "2026-12-31";
          const days: DayRecord[] = history.map((done, i) => ({
            date: addDays(today, -history.length + i),
            planned: 0,
            done,
          }));
          days.push({ date: today, planned: 0, done: todayBefore });
          const events = detectVictories({ today, workingDays: weekdays, target: 0, progressBefore: 0, days, added });
          const best = Math.max(...history);
          const record = events.some((e) => e.kind === "personal_record" && e.scope === "day");
          expect(record).toBe(best > 0 && todayBefore <= best && best < todayBefore + added);
        },
      ),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanningError } from "./errors";
import { planFunnel } from "./funnel";
import { rampToRank, rankForIncome, rankGap, type RankRequirement } from "./rank";

/** The seed compensation plan (amounts in cents). */
const seedRanks: RankRequirement[] = [
  {
    id: "r1",
    name: "Associate",
    position: 1,
    personalVolume: 10_000,
    teamVolume: 0,
    personallySponsored: 0,
    qualifiedLegs: 0,
    monthlyIncome: 20_000,
  },
  {
    id: "r2",
    name: "Builder",
    position: 2,
    personalVolume: 20_000,
    teamVolume: 500_000,
    personallySponsored: 2,
    qualifiedLegs: 1,
    monthlyIncome: 100_000,
  },
  {
    id: "r3",
    name: "Director",
    position: 3,
    personalVolume: 20_000,
    teamVolume: 2_500_000,
    personallySponsored: 5,
    qualifiedLegs: 3,
    monthlyIncome: 500_000,
  },
  {
    id: "r4",
    name: "Executive",
    position: 4,
    personalVolume: 30_000,
    teamVolume: 10_000_000,
    personallySponsored: 8,
    qualifiedLegs: 5,
    monthlyIncome: 1_500_000,
  },
];

describe("rank examples", () => {
  it("$5k a month needs Director: $25,000 team volume and 5 sponsored people → 50 presentations → 150 contacts", () => {
    const rank = rankForIncome(seedRanks, 500_000);
    expect(rank?.name).toBe("Director");
    const gap = rankGap(rank!, {
      personalVolume: 20_000,
      teamVolume: 1_800_000,
      personallySponsored: 3,
      qualifiedLegs: 3,
    });
    expect(gap).toEqual({ personalVolume: 0, teamVolume: 700_000, personallySponsored: 2, qualifiedLegs: 0 });
    const funnel = planFunnel({
      target: rank!.personallySponsored,
      stages: [
        { key: "contacts", defaultRate: 1 / 3 },
        { key: "presentations", defaultRate: 0.1 },
      ],
    });
    expect(funnel.stages.map((s) => s.required)).toEqual([150, 50]);
  });

  it("picks the lowest rank that pays enough, and none above the top or for nothing", () => {
    expect(rankForIncome(seedRanks, 100_000)?.name).toBe("Builder");
    expect(rankForIncome(seedRanks, 100_001)?.name).toBe("Director");
    expect(rankForIncome(seedRanks, 1)?.name).toBe("Associate");
    expect(rankForIncome(seedRanks, 1_500_001)).toBeNull();
    expect(rankForIncome(seedRanks, 0)).toBeNull();
    expect(rankForIncome([...seedRanks].reverse(), 500_000)?.name).toBe("Director");
  });

  it("rejects broken plans and amounts", () => {
    expect(() => rankForIncome(seedRanks, 12.5)).toThrow(PlanningError);
    expect(() => rankForIncome([seedRanks[0]!, { ...seedRanks[1]!, position: 1 }], 10)).toThrow(/share position 1/);
    expect(() => rankForIncome([{ ...seedRanks[0]!, teamVolume: -1 }], 10)).toThrow(/cannot be negative/);
    expect(() =>
      rankGap(seedRanks[0]!, { personalVolume: 0.5, teamVolume: 0, personallySponsored: 0, qualifiedLegs: 0 }),
    ).toThrow(PlanningError);
  });
});

describe("rank properties", () => {
  const amount = fc.integer({ min: 0, max: 10_000_000 });
  const ranksArb = fc
    .uniqueArray(
      fc.record({
        position: fc.integer({ min: 0, max: 50 }),
        monthlyIncome: amount,
        teamVolume: amount,
        personallySponsored: fc.integer({ min: 0, max: 50 }),
      }),
      { selector: (r) => r.position, minLength: 1, maxLength: 8 },
    )
    .map((rows) =>
      rows.map((r, i): RankRequirement => ({
        id: `r${i}`,
        name: `Rank ${i}`,
        personalVolume: 0,
        qualifiedLegs: 0,
        ...r,
      })),
    );

  it("the chosen rank pays at least the goal, every lower rank pays less, and it never goes down as the goal rises", () => {
    fc.assert(
      fc.property(ranksArb, amount, amount, (ranks, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const rank = rankForIncome(ranks, low);
        if (low === 0) {
          expect(rank).toBeNull();
          return;
        }
        if (rank === null) {
          expect(ranks.every((r) => r.monthlyIncome < low)).toBe(true);
          return;
        }
        expect(rank.monthlyIncome).toBeGreaterThanOrEqual(low);
        for (const r of ranks) if (r.position < rank.position) expect(r.monthlyIncome).toBeLessThan(low);
        const higher = rankForIncome(ranks, high);
        if (higher) expect(higher.position).toBeGreaterThanOrEqual(rank.position);
      }),
    );
  });

  it("the gap is never negative and closes exactly when the current values meet the requirement", () => {
    fc.assert(
      fc.property(ranksArb, amount, fc.integer({ min: 0, max: 60 }), (ranks, teamVolume, sponsored) => {
        const rank = ranks[0]!;
        const gap = rankGap(rank, { personalVolume: 0, teamVolume, personallySponsored: sponsored, qualifiedLegs: 0 });
        expect(gap.teamVolume).toBe(Math.max(0, rank.teamVolume - teamVolume));
        expect(gap.personallySponsored).toBe(Math.max(0, rank.personallySponsored - sponsored));
        expect(gap.teamVolume + teamVolume).toBeGreaterThanOrEqual(rank.teamVolume);
      }),
    );
  });
});

describe("rampToRank", () => {
  const gold = seedRanks[seedRanks.length - 1]!;

  it("climbs evenly from the current standing to the rank by the last month", () => {
    const ramp = rampToRank(
      { personalVolume: 0, teamVolume: 100_000, personallySponsored: 1, qualifiedLegs: 0 },
      { ...gold, teamVolume: 400_000, personallySponsored: 4, qualifiedLegs: 2 },
      3,
    );
    expect(ramp.map((m) => m.teamVolume)).toEqual([200_000, 300_000, 400_000]);
    expect(ramp.map((m) => m.personallySponsored)).toEqual([2, 3, 4]);
    expect(ramp.map((m) => m.qualifiedLegs)).toEqual([1, 2, 2]); // rounded up: never less than an even share
  });

  it("holds a requirement already met at the rank's level", () => {
    const ramp = rampToRank(
      { personalVolume: 99_999, teamVolume: 0, personallySponsored: 0, qualifiedLegs: 0 },
      { ...gold, personalVolume: 20_000 },
      2,
    );
    expect(ramp.map((m) => m.personalVolume)).toEqual([20_000, 20_000]);
  });

  it("refuses a month count that is not a whole number from 1 to 120", () => {
    const zero = { personalVolume: 0, teamVolume: 0, personallySponsored: 0, qualifiedLegs: 0 };
    for (const months of [0, 1.5, 121, Number.NaN]) expect(() => rampToRank(zero, gold, months)).toThrow(PlanningError);
  });

  it("property: whole, never decreasing, never above the rank, and exactly the rank in the last month", () => {
    const amount = fc.integer({ min: 0, max: 10_000_000_000 });
    const progress = fc.record({
      personalVolume: amount,
      teamVolume: amount,
      personallySponsored: amount,
      qualifiedLegs: amount,
    });
    fc.assert(
      fc.property(progress, progress, fc.integer({ min: 1, max: 120 }), (current, req, months) => {
        const rank = { ...gold, ...req };
        const ramp = rampToRank(current, rank, months);
        expect(ramp).toHaveLength(months);
        for (const key of ["personalVolume", "teamVolume", "personallySponsored", "qualifiedLegs"] as const) {
          ramp.forEach((m, i) => {
            expect(Number.isInteger(m[key])).toBe(true);
            expect(m[key]).toBeLessThanOrEqual(rank[key]);
            if (i > 0) expect(m[key]).toBeGreaterThanOrEqual(ramp[i - 1]![key]);
          });
          expect(ramp[months - 1]![key]).toBe(rank[key]);
        }
      }),
    );
  });
});

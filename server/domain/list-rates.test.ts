import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smoothedRate } from "./funnel";
import { listHistoryForFunnel, MIN_LIST_OBSERVATIONS, preferListHistory } from "./list-rates";
import { funnelRateStages } from "./member-actions";
import { funnelStageRanks } from "./person-stage";

const ranks = funnelStageRanks([
  { resultMetricId: "sponsors", activityMetricId: "contacts", position: 0 },
  { resultMetricId: "sponsors", activityMetricId: "presentations", position: 1 },
]);
const step = (id: string, fromCount: number, toCount: number) => ({
  id,
  key: id,
  name: id,
  unit: "COUNT" as const,
  minutesPerAction: null,
  fromCount,
  toCount,
});
const result = { id: "sponsors", key: "sponsors", name: "Sponsors", unit: "COUNT" as const, minutesPerAction: null };
const steps = [step("contacts", 3, 1), step("presentations", 10, 1)];
const countsArb = fc.record({ contacts: fc.nat(200), presentations: fc.nat(200), sponsors: fc.nat(200) });

describe("rates from the list", () => {
  it("example: 20 contacted, 8 had a presentation, 2 joined", () => {
    const h = listHistoryForFunnel({
      resultId: "sponsors",
      stepIds: ["contacts", "presentations"],
      peopleByStage: { contacts: 12, presentations: 6, sponsors: 2 },
      ranks,
    });
    expect(h).toEqual({ contacts: { trials: 20, successes: 8 }, presentations: { trials: 8, successes: 2 } });
  });

  it("successes never exceed trials, and a later step never has more trials than an earlier one", () => {
    fc.assert(
      fc.property(countsArb, (peopleByStage) => {
        const h = listHistoryForFunnel({
          resultId: "sponsors",
          stepIds: ["contacts", "presentations"],
          peopleByStage,
          ranks,
        });
        for (const s of Object.values(h)) expect(s.successes).toBeLessThanOrEqual(s.trials);
        if (h.presentations) expect(h.presentations.trials).toBeLessThanOrEqual(h.contacts!.trials);
        if (h.contacts && h.presentations) expect(h.contacts.successes).toBe(h.presentations.trials);
        const total = peopleByStage.contacts + peopleByStage.presentations + peopleByStage.sponsors;
        expect(h.contacts?.trials ?? 0).toBe(total);
      }),
    );
  });

  it("feeds the one funnel: with enough people the list's observations are smoothed like the Log's", () => {
    fc.assert(
      fc.property(
        countsArb,
        fc.record({ contacts: fc.nat(50), presentations: fc.nat(50), sponsors: fc.nat(50) }),
        (people, log) => {
          const listHistory = listHistoryForFunnel({
            resultId: "sponsors",
            stepIds: ["contacts", "presentations"],
            peopleByStage: people,
            ranks,
          });
          const { stages, sources } = funnelRateStages({ result, steps, history: log, listHistory });
          stages.forEach((st, i) => {
            const list = listHistory[st.key];
            if (list && list.trials >= MIN_LIST_OBSERVATIONS) {
              expect(sources[i]).toBe("list");
              expect(st.history).toEqual(list);
              // The same smoothing toward the team default as the Log's history.
              expect(smoothedRate(st.defaultRate, st.history)).toBeCloseTo(
                Math.min(1, Math.max(0.01, (list.successes + 10 * st.defaultRate) / (list.trials + 10))),
              );
            } else {
              expect(sources[i]).not.toBe("list");
            }
          });
        },
      ),
    );
  });

  it("below the threshold the Log's history decides, and none means the default", () => {
    const few = { trials: MIN_LIST_OBSERVATIONS - 1, successes: 1 };
    expect(preferListHistory({ trials: 30, successes: 9 }, few)).toEqual({
      history: { trials: 30, successes: 9 },
      source: "log",
    });
    expect(preferListHistory(undefined, few)).toEqual({ history: undefined, source: "default" });
    expect(preferListHistory(undefined, { trials: MIN_LIST_OBSERVATIONS, successes: 1 }).source).toBe("list");
  });
});

/** Round trip of server/queries/funnel-history.ts on a real database: every query runs and its decoded values are checked. */
import { beforeAll, describe, expect, it } from "vitest";
import { toDbDay } from "@/server/domain/db-day";
import { addDailyTotal, makeFunnelMetrics } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { loadFunnels, sumDailyTotals } from "./funnel-history";

const env = setUpTestDatabase({ tree: "once" });
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;

beforeAll(async () => {
  m = await makeFunnelMetrics(env.db, { teamId: env.t.team.id });
});

describe("funnel-history queries", () => {
  it("loadFunnels: each result metric's steps, top of the funnel first, with the activity metric's reference", async () => {
    const funnels = await loadFunnels(env.db, {
      teamId: env.t.team.id,
      resultMetricIds: [m.volume.id, m.sponsors.id, m.contacts.id],
    });
    expect(funnels.get(m.volume.id)).toEqual([
      {
        id: m.contacts.id,
        key: "contacts",
        name: "Contacts",
        unit: "COUNT",
        minutesPerAction: 5,
        fromCount: 30,
        toCount: 10,
      },
      {
        id: m.presentations.id,
        key: "presentations",
        name: "Presentations",
        unit: "COUNT",
        minutesPerAction: 30,
        fromCount: 10,
        toCount: 1,
      },
      {
        id: m.sponsors.id,
        key: "sponsors",
        name: "New sponsors",
        unit: "COUNT",
        minutesPerAction: 15,
        fromCount: 1,
        toCount: 50_000,
      },
    ]);
    expect(funnels.get(m.sponsors.id)!.map((s) => s.key)).toEqual(["contacts", "presentations"]);
    expect(funnels.get(m.contacts.id)).toEqual([]);
  });

  it("sumDailyTotals: per member and metric, inclusive days, other teams' and days' totals left out", async () => {
    const { t } = env;
    const add = (membershipId: string, metricId: string, day: string, total: number) =>
      addDailyTotal(env.db, { teamId: t.team.id, membershipId, metricId, day, total });
    await add(t.memberA1.id, m.contacts.id, "2026-11-02", 12);
    await add(t.memberA1.id, m.contacts.id, "2026-11-06", 8);
    await add(t.memberA1.id, m.volume.id, "2026-11-03", 150_000);
    await add(t.memberA2.id, m.contacts.id, "2026-11-04", 3);
    await add(t.memberA2.id, m.contacts.id, "2026-11-07", 99); // after `to`
    await add(t.memberB1.id, m.contacts.id, "2026-11-04", 40); // not asked for
    const sums = await sumDailyTotals(env.db, {
      teamId: t.team.id,
      membershipIds: [t.memberA1.id, t.memberA2.id, t.leaderA.id],
      metricIds: [m.contacts.id, m.volume.id],
      from: toDbDay("2026-11-02"),
      to: toDbDay("2026-11-06"),
    });
    expect(new Map(sums)).toEqual(
      new Map([
        [t.memberA1.id, { [m.contacts.id]: 20, [m.volume.id]: 150_000 }],
        [t.memberA2.id, { [m.contacts.id]: 3 }],
      ]),
    );
    const none = {
      teamId: t.team.id,
      metricIds: [m.contacts.id],
      from: toDbDay("2026-11-02"),
      to: toDbDay("2026-11-06"),
    };
    expect((await sumDailyTotals(env.db, { ...none, membershipIds: [] })).size).toBe(0);
    expect(
      (await sumDailyTotals(env.db, { ...none, membershipIds: [t.memberA1.id], from: toDbDay("2026-11-07") })).size,
    ).toBe(0);
  });
});

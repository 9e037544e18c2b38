/** Round trip of server/queries/rank.ts on a real database: the query runs and its decoded values are checked. */
import { describe, expect, it } from "vitest";
import { addDailyTotal, makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { rankLegTotals } from "./rank";

const env = setUpTestDatabase({ tree: "once" });

describe("rank queries", () => {
  it("rankLegTotals: the member's own volume and sponsors, and each leg's volume over its whole subtree, inside the days", async () => {
    const { t } = env;
    const volume = await makeMetric(env.db, { teamId: t.team.id, key: "team_volume", unit: "MONEY", kind: "RESULT" });
    const sponsors = await makeMetric(env.db, { teamId: t.team.id, key: "sponsors", kind: "RESULT" });
    const add = (membershipId: string, metricId: string, day: string, total: number) =>
      addDailyTotal(env.db, { teamId: t.team.id, membershipId, metricId, day, total });
    await add(t.leaderA.id, volume.id, "2027-03-02", 10_000);
    await add(t.leaderA.id, sponsors.id, "2027-03-03", 2);
    await add(t.memberA1.id, volume.id, "2027-03-04", 30_000);
    await add(t.memberA1a.id, volume.id, "2027-03-05", 5_000);
    await add(t.memberA1a.id, sponsors.id, "2027-03-05", 4); // a leg's sponsors are not the member's
    await add(t.memberA2.id, volume.id, "2027-03-06", 7_000);
    await add(t.memberA2.id, volume.id, "2027-04-01", 99_000); // after the days asked
    const rows = await rankLegTotals(env.db, {
      teamId: t.team.id,
      membershipId: t.leaderA.id,
      volumeId: volume.id,
      sponsorsId: sponsors.id,
      from: "2027-03-01",
      to: "2027-03-31",
    });
    const key = (r: { leg: string | null; metricId: string }) => `${r.leg ?? "-"}:${r.metricId}`;
    expect([...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual(
      [
        { leg: null, metricId: volume.id, total: 10_000 },
        { leg: null, metricId: sponsors.id, total: 2 },
        { leg: t.memberA1.id, metricId: volume.id, total: 35_000 },
        { leg: t.memberA2.id, metricId: volume.id, total: 7_000 },
      ].sort((a, b) => (key(a) < key(b) ? -1 : 1)),
    );
  });
});

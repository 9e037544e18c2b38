/** Round trip of server/queries/rank.ts on a real database: the query runs and its decoded values are checked. */
import { describe, expect, it } from "vitest";
import { addDailyTotal, makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { rankSubtreeVolumes } from "./rank";

const env = setUpTestDatabase({ tree: "once" });

describe("rank queries", () => {
  it("rankSubtreeVolumes: the subtree's nodes, and each member's own volume and sponsors by month and over the window", async () => {
    const { t } = env;
    const volume = await makeMetric(env.db, { teamId: t.team.id, key: "team_volume", unit: "MONEY", kind: "RESULT" });
    const sponsors = await makeMetric(env.db, { teamId: t.team.id, key: "sponsors", kind: "RESULT" });
    const add = (membershipId: string, metricId: string, day: string, total: number) =>
      addDailyTotal(env.db, { teamId: t.team.id, membershipId, metricId, day, total });
    await add(t.leaderA.id, volume.id, "2027-02-27", 1_000);
    await add(t.leaderA.id, volume.id, "2027-03-02", 10_000);
    await add(t.leaderA.id, sponsors.id, "2027-03-03", 2);
    await add(t.memberA1.id, volume.id, "2027-03-04", 30_000);
    await add(t.memberA1a.id, volume.id, "2027-03-05", 5_000);
    await add(t.memberA1a.id, sponsors.id, "2027-03-05", 4);
    await add(t.memberA2.id, volume.id, "2027-04-01", 99_000); // after the days asked
    await add(t.memberB1.id, volume.id, "2027-03-05", 77_000); // another branch
    const rows = await rankSubtreeVolumes(env.db, {
      teamId: t.team.id,
      rootId: t.leaderA.id,
      volumeId: volume.id,
      sponsorsId: sponsors.id,
      monthsFrom: "2027-02-01",
      monthsTo: "2027-03-31",
      windowFrom: "2027-03-04",
      windowTo: "2027-03-31",
    });
    const nodes = rows.filter((r) => r.bucket === null);
    expect(nodes.map((n) => [n.id, n.parentId]).sort()).toEqual(
      [
        [t.leaderA.id, null],
        [t.memberA1.id, t.leaderA.id],
        [t.memberA1a.id, t.memberA1.id],
        [t.memberA2.id, t.leaderA.id],
      ].sort(),
    );
    expect(nodes.every((n) => typeof n.name === "string" && n.name.length > 0)).toBe(true);
    const amounts = rows
      .filter((r) => r.bucket !== null)
      .map(
        (r) =>
          `${r.id === t.leaderA.id ? "A" : r.id === t.memberA1.id ? "A1" : "A1a"} ${r.bucket} ${r.volume} ${r.sponsors}`,
      )
      .sort();
    expect(amounts).toEqual(
      [
        "A 2027-02 1000 0",
        "A 2027-03 10000 2",
        "A1 2027-03 30000 0",
        "A1a 2027-03 5000 4",
        "A1 window 30000 0",
        "A1a window 5000 4",
      ].sort(),
    );
  });
});

/**
 * Round trip of server/queries/person-taps.ts: the stage ranks the logging statement computes in SQL are the domain's
 * (`funnelStageRanks`, read through `loadStageRanks`), on the seed funnel and on a second, sales-like chain.
 */
import { describe, expect, it } from "vitest";
import { makeFunnelMetrics, makeMetric } from "@/tests/factories";
import { selectStageRanks } from "@/server/queries/person-taps";
import { loadStageRanks } from "@/server/services/person/stage-ranks";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });

describe("person taps: stage ranks", () => {
  it("SQL and domain agree", async () => {
    const teamId = env.t.team.id;
    const m = await makeFunnelMetrics(env.db, { teamId });
    const meetings = await makeMetric(env.db, { teamId, key: "meetings", name: "Meetings" });
    const won = await makeMetric(env.db, { teamId, key: "won", name: "Won", kind: "RESULT" });
    await env.db.funnelStage.createMany({
      data: [
        { teamId, resultMetricId: won.id, activityMetricId: meetings.id, position: 0, fromCount: 4, toCount: 1 },
        { teamId, resultMetricId: won.id, activityMetricId: m.presentations.id, position: 1, fromCount: 2, toCount: 1 },
      ],
    });
    const sql = await selectStageRanks(env.db, teamId);
    const domain = await loadStageRanks(env.db, teamId);
    expect(sql).toEqual(domain);
    expect(sql.get(m.contacts.id)).toBe(0);
    expect(sql.get(m.presentations.id)).toBe(2);
    expect(sql.get(m.sponsors.id)).toBe(3);
    expect(sql.has(m.volume.id)).toBe(false);
  });
});

import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { exportEntriesCsv } from "@/server/services/team/export-entries";
import { loadTeamScope } from "@/server/services/team/scope";
import { callerForMember } from "@/tests/caller";
import { makeFunnelMetrics } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const chunk of gen) text += chunk;
  return text;
}

describe("exportEntriesCsv", () => {
  it("gives the owner every entry, removed members' history included, in pages", async () => {
    const { db, t } = env;
    const metrics = await makeFunnelMetrics(db, { teamId: t.team.id });
    const a1 = await callerForMember(db, t.memberA1.id);
    const b1 = await callerForMember(db, t.memberB1.id);
    await a1.entry.log({
      teamId: t.team.id,
      entries: [3, 4, 5].map((amount) => ({ id: randomUUID(), metricId: metrics.contacts.id, amount })),
    });
    await b1.entry.log({
      teamId: t.team.id,
      entries: [{ id: randomUUID(), metricId: metrics.volume.id, amount: 12_500, note: 'first sale, "big"' }],
    });
    const owner = await callerForMember(db, t.owner.id);
    await owner.member.remove({ teamId: t.team.id, memberId: t.memberA1.id });

    const scope = await loadTeamScope(db, { teamId: t.team.id, userId: t.owner.userId });
    const csv = await collect(exportEntriesCsv(db, scope, { pageSize: 2 }));
    const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
    expect(rows).toHaveLength(4);
    const removed = rows.filter((r) => r.member === "Mia A1");
    expect(removed.map((r) => Number(r.amount)).sort()).toEqual([3, 4, 5]);
    expect(removed.every((r) => r.member_status === "removed" && r.metric === "Contacts")).toBe(true);
    const sale = rows.find((r) => r.member === "Ben B1")!;
    // Money in major units of the team currency, with the currency named; counts as whole numbers without one.
    expect(sale).toMatchObject({
      amount: "125.00",
      currency: "GBP",
      note: 'first sale, "big"',
      unit: "money",
      member_status: "active",
    });
    expect(removed.every((r) => r.unit === "count" && r.currency === "")).toBe(true);
    expect(new Set(rows.map((r) => r.entry_id)).size).toBe(4);
  });

  it("refuses anyone but the owner", async () => {
    const { db, t } = env;
    const leader = await db.membership.findUniqueOrThrow({ where: { id: t.leaderA.id }, select: { userId: true } });
    const scope = await loadTeamScope(db, { teamId: t.team.id, userId: leader.userId });
    await expect(collect(exportEntriesCsv(db, scope))).rejects.toThrow(/Only the team owner/);
  });
});

/** Loads the funnel steps of result metrics (top of the funnel first), in one query. */
import type { DbClient } from "@/server/db-client";
import type { FunnelStep } from "./member-actions";

export const metricRefSelect = { id: true, key: true, name: true, unit: true, minutesPerAction: true } as const;

export async function loadFunnels(db: DbClient, args: { teamId: string; resultMetricIds: string[] }): Promise<Map<string, FunnelStep[]>> {
  const rows = await db.funnelStage.findMany({
    where: { teamId: args.teamId, resultMetricId: { in: args.resultMetricIds } },
    orderBy: [{ resultMetricId: "asc" }, { position: "asc" }],
    select: { resultMetricId: true, fromCount: true, toCount: true, activity: { select: metricRefSelect } },
  });
  const out = new Map<string, FunnelStep[]>(args.resultMetricIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.resultMetricId)!.push({ ...r.activity, fromCount: r.fromCount, toCount: r.toCount });
  return out;
}

/** Per member and metric: the sum of daily totals in [from, to] (team-local days, inclusive), one query. */
export async function sumDailyTotals(
  db: DbClient,
  args: { teamId: string; membershipIds: string[]; metricIds: string[]; from: Date; to: Date },
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (args.membershipIds.length === 0 || args.metricIds.length === 0 || args.to < args.from) return out;
  const rows = await db.dailyTotal.groupBy({
    by: ["membershipId", "metricId"],
    where: {
      teamId: args.teamId,
      membershipId: { in: args.membershipIds },
      metricId: { in: args.metricIds },
      day: { gte: args.from, lte: args.to },
    },
    _sum: { total: true },
  });
  for (const r of rows) {
    const rec = out.get(r.membershipId) ?? {};
    rec[r.metricId] = r._sum.total ?? 0;
    out.set(r.membershipId, rec);
  }
  return out;
}

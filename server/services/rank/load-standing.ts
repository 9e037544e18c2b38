/**
 * Where a member stands over a period: volumes from the `team_volume` metric (their own logged volume is their
 * personal volume; with their downline's it is their team volume), personally sponsored from the `sponsors` metric,
 * and qualified legs — direct downline members whose own team volume reaches `legThreshold` (the first rank's team
 * volume). One SQL query for the legs' volumes, whatever the subtree size (`rankLegTotals`, server/queries/rank.ts).
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import type { RankProgress } from "@/server/domain/rank";
import { rankLegTotals } from "@/server/queries/rank";

export type RankStanding = RankProgress;

export async function loadStanding(
  db: DbClient,
  args: { teamId: string; membershipId: string; from: IsoDate; to: IsoDate; legThreshold: number },
): Promise<RankStanding> {
  const metrics = await db.metric.findMany({
    where: { teamId: args.teamId, key: { in: ["team_volume", "sponsors"] } },
    select: { id: true, key: true },
  });
  const volumeId = metrics.find((m) => m.key === "team_volume")?.id ?? "";
  const sponsorsId = metrics.find((m) => m.key === "sponsors")?.id ?? "";
  const rows = await rankLegTotals(db, {
    teamId: args.teamId,
    membershipId: args.membershipId,
    volumeId,
    sponsorsId,
    from: args.from,
    to: args.to,
  });
  const standing: RankStanding = { personalVolume: 0, teamVolume: 0, personallySponsored: 0, qualifiedLegs: 0 };
  for (const r of rows) {
    if (r.metricId === volumeId) {
      standing.teamVolume += r.total;
      if (r.leg === null) standing.personalVolume = r.total;
      else if (args.legThreshold > 0 && r.total >= args.legThreshold) standing.qualifiedLegs++;
    } else if (r.leg === null) standing.personallySponsored = r.total;
  }
  return standing;
}

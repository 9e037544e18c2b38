/**
 * Where a member stands against the team's ranks this calendar month, and the gap to the next rank.
 * Volumes come from the `team_volume` metric (a member's own logged volume is their personal volume; with their
 * downline's it is their team volume), personally sponsored from the `sponsors` metric, and a qualified leg is a
 * direct downline member whose own team volume this month reaches the first rank's team volume.
 * One SQL query (recursive CTE) for the legs' volumes, whatever the subtree size.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { endOfPeriod, startOfPeriod, type IsoDate } from "@/server/domain/calendar";
import { notFound } from "@/server/errors";
import { canSeeMember } from "@/server/services/goal/goal-access";

import type { ActorMembership } from "@/server/services/team/load-team-access";
import { listRanks } from "./list-ranks";
import { toDbDay } from "@/server/domain/db-day";

export interface RankStanding {
  personalVolume: number;
  teamVolume: number;
  personallySponsored: number;
  qualifiedLegs: number;
}

type Rank = Awaited<ReturnType<typeof listRanks>>[number];

export function meets(s: RankStanding, r: Rank): boolean {
  return (
    s.personalVolume >= r.personalVolume &&
    s.teamVolume >= r.teamVolume &&
    s.personallySponsored >= r.personallySponsored &&
    s.qualifiedLegs >= r.qualifiedLegs
  );
}

export function gapTo(s: RankStanding, r: Rank): RankStanding {
  return {
    personalVolume: Math.max(0, r.personalVolume - s.personalVolume),
    teamVolume: Math.max(0, r.teamVolume - s.teamVolume),
    personallySponsored: Math.max(0, r.personallySponsored - s.personallySponsored),
    qualifiedLegs: Math.max(0, r.qualifiedLegs - s.qualifiedLegs),
  };
}

export async function loadStanding(db: DbClient, args: { teamId: string; membershipId: string; from: IsoDate; to: IsoDate; legThreshold: number }) {
  const metrics = await db.metric.findMany({ where: { teamId: args.teamId, key: { in: ["team_volume", "sponsors"] } }, select: { id: true, key: true } });
  const volumeId = metrics.find((m) => m.key === "team_volume")?.id ?? "";
  const sponsorsId = metrics.find((m) => m.key === "sponsors")?.id ?? "";
  const from = toDbDay(args.from);
  const to = toDbDay(args.to);
  const rows = await db.$queryRaw<{ leg: string | null; metricId: string; total: bigint | number }[]>(Prisma.sql`
    WITH RECURSIVE down AS (
      SELECT id, NULL::text AS leg, 0 AS depth FROM "Membership" WHERE id = ${args.membershipId} AND "teamId" = ${args.teamId}
      UNION ALL
      SELECT m.id, COALESCE(down.leg, m.id), down.depth + 1
        FROM "Membership" m JOIN down ON m."parentId" = down.id
       WHERE m."teamId" = ${args.teamId} AND m.status = 'ACTIVE' AND down.depth < 10000
    )
    SELECT down.leg, dt."metricId", SUM(dt.total) AS total
      FROM down JOIN "DailyTotal" dt ON dt."membershipId" = down.id
     WHERE dt."metricId" IN (${volumeId}, ${sponsorsId}) AND dt.day >= ${from} AND dt.day <= ${to}
       AND (down.leg IS NULL OR dt."metricId" = ${volumeId})
     GROUP BY down.leg, dt."metricId"`);
  const standing: RankStanding = { personalVolume: 0, teamVolume: 0, personallySponsored: 0, qualifiedLegs: 0 };
  for (const r of rows) {
    const total = Number(r.total);
    if (r.metricId === volumeId) {
      standing.teamVolume += total;
      if (r.leg === null) standing.personalVolume = total;
      else if (args.legThreshold > 0 && total >= args.legThreshold) standing.qualifiedLegs++;
    } else if (r.leg === null) standing.personallySponsored = total;
  }
  return standing;
}

export async function getRankProgress(db: DbClient, args: { actor: ActorMembership; membershipId?: string; asOf: IsoDate }) {
  const memberId = args.membershipId ?? args.actor.id;
  if (!(await canSeeMember(db, args.actor, memberId))) throw notFound("Member");
  const ranks = await listRanks(db, { teamId: args.actor.teamId });
  if (ranks.length === 0) return { ranks, current: null, next: null, standing: null, gap: null, month: null };
  const month = { start: startOfPeriod(args.asOf, "month"), end: endOfPeriod(args.asOf, "month") };
  const standing = await loadStanding(db, {
    teamId: args.actor.teamId,
    membershipId: memberId,
    from: month.start,
    to: args.asOf,
    legThreshold: ranks[0]!.teamVolume,
  });
  let current: Rank | null = null;
  for (const r of ranks) if (meets(standing, r)) current = r;
  const next = current ? (ranks.find((r) => r.position > current.position) ?? null) : ranks[0]!;
  return { ranks, current, next, standing, gap: next ? gapTo(standing, next) : null, month };
}

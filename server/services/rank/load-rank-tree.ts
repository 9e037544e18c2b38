/**
 * A member's subtree with everyone's volume and sponsors by month and over the recent window, in ONE query
 * (`rankSubtreeVolumes`, server/queries/rank.ts), shaped for the rank math of server/domain/rank-legs.ts.
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import type { PaceNode, VolumeNode } from "@/server/domain/rank-legs";
import { rankSubtreeVolumes } from "@/server/queries/rank";

/** The team's volume and sponsors metrics (by key); "" when the team has none, so nothing is counted. */
export async function rankMetricIds(db: DbClient, teamId: string) {
  const metrics = await db.metric.findMany({
    where: { teamId, key: { in: ["team_volume", "sponsors"] } },
    select: { id: true, key: true, archivedAt: true },
  });
  const volume = metrics.find((m) => m.key === "team_volume");
  const sponsors = metrics.find((m) => m.key === "sponsors");
  return { volumeId: volume?.id ?? "", sponsorsId: sponsors?.id ?? "", volume, sponsors };
}

export interface RankSubtree {
  names: Map<string, string>;
  /** Everyone's own totals in month "YYYY-MM" (0 when nothing was logged). */
  nodesIn(month: string): VolumeNode[];
  /** `nodesIn(month)` with each member's totals over the window, for the projection. */
  paceNodesIn(month: string): PaceNode[];
  /** Months with anything logged by anyone in the subtree. */
  months: string[];
}

export async function loadRankSubtree(
  db: DbClient,
  args: {
    teamId: string;
    rootId: string;
    monthsFrom: IsoDate;
    monthsTo: IsoDate;
    windowFrom: IsoDate;
    windowTo: IsoDate;
  },
): Promise<RankSubtree> {
  const { volumeId, sponsorsId } = await rankMetricIds(db, args.teamId);
  const rows = await rankSubtreeVolumes(db, { ...args, volumeId, sponsorsId });
  const nodes: { id: string; parentId: string | null }[] = [];
  const names = new Map<string, string>();
  const buckets = new Map<string, Map<string, { volume: number; sponsors: number }>>();
  for (const r of rows) {
    if (r.bucket === null) {
      nodes.push({ id: r.id, parentId: r.parentId });
      names.set(r.id, r.name ?? "");
    } else {
      const b = buckets.get(r.bucket) ?? new Map<string, { volume: number; sponsors: number }>();
      b.set(r.id, { volume: Math.max(0, r.volume), sponsors: Math.max(0, r.sponsors) });
      buckets.set(r.bucket, b);
    }
  }
  const nodesIn = (month: string): VolumeNode[] => {
    const b = buckets.get(month);
    return nodes.map((n) => ({
      ...n,
      personalVolume: b?.get(n.id)?.volume ?? 0,
      sponsors: b?.get(n.id)?.sponsors ?? 0,
    }));
  };
  const window = buckets.get("window");
  return {
    names,
    nodesIn,
    paceNodesIn: (month) =>
      nodesIn(month).map((n) => ({
        ...n,
        windowVolume: window?.get(n.id)?.volume ?? 0,
        windowSponsors: window?.get(n.id)?.sponsors ?? 0,
      })),
    months: [...buckets.keys()].filter((k) => k !== "window").sort(),
  };
}

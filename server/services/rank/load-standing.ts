/**
 * Where a member stands over a month against one rank's rules (team volume with the rank's leg cap, legs holding the
 * rank's leg rank): the four requirements `rankGap` and `rampToRank` climb (server/domain/rank.ts). One SQL query
 * for the whole subtree (load-rank-tree.ts), the math in server/domain/rank-legs.ts.
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import type { RankProgress } from "@/server/domain/rank";
import { evaluateRanks, requirementLines, type RankRule } from "@/server/domain/rank-legs";
import { loadRankSubtree } from "./load-rank-tree";

export type RankStanding = RankProgress;

export async function loadStanding(
  db: DbClient,
  args: { teamId: string; membershipId: string; from: IsoDate; to: IsoDate; ranks: RankRule[]; rankId: string },
): Promise<RankStanding> {
  const sub = await loadRankSubtree(db, {
    teamId: args.teamId,
    rootId: args.membershipId,
    monthsFrom: args.from,
    monthsTo: args.to,
    windowFrom: args.to,
    windowTo: args.to,
  });
  const tree = evaluateRanks(sub.nodesIn(args.from.slice(0, 7)), args.ranks);
  const index = tree.rules.findIndex((r) => r.id === args.rankId);
  const lines = requirementLines(tree, args.membershipId, Math.max(0, index));
  const actual = (key: string) => lines.find((l) => l.key === key)!.actual;
  return {
    personalVolume: actual("personalVolume"),
    teamVolume: actual("teamVolume"),
    personallySponsored: actual("personallySponsored"),
    qualifiedLegs: actual("qualifiedLegs"),
  };
}

/**
 * What an upline sees of their downline's names lists (issue 18 privacy): counts per stage for each member of a
 * subtree (`stageCounts`, no names, for coaching and the weekly review) and the people their downline chose to share
 * (`sharedWithMe`: name and stage only). The subtree's root is checked by `subtreeProcedure` (canView rules).
 */
import type { DbClient } from "@/server/db-client";
import { readSharedPeople, readStageCounts } from "@/server/queries/person";
import type { TeamScope } from "@/server/services/team/scope";
import { listPersonStages } from "./funnel-stages";

export interface MemberStageCounts {
  membershipId: string;
  parentId: string | null;
  depth: number;
  name: string;
  total: number;
  /** Count per stage key: a funnel metric id, "none" (not contacted yet) or an outcome. */
  byStage: Record<string, number>;
}

export async function stageCounts(db: DbClient, scope: TeamScope, rootId: string) {
  const [rows, stages] = await Promise.all([
    readStageCounts(db, { teamId: scope.team.id, rootId }),
    listPersonStages(db, scope.team.id),
  ]);
  const members = new Map<string, MemberStageCounts>();
  for (const row of rows) {
    let member = members.get(row.membershipId);
    if (!member) {
      member = {
        membershipId: row.membershipId,
        parentId: row.parentId,
        depth: row.depth,
        name: row.memberName,
        total: 0,
        byStage: {},
      };
      members.set(row.membershipId, member);
    }
    if (row.count === 0) continue;
    const key = row.outcome ?? row.stageMetricId ?? "none";
    member.byStage[key] = (member.byStage[key] ?? 0) + row.count;
    member.total += row.count;
  }
  return { rootId, ...stages, members: [...members.values()] };
}

export async function sharedWithMe(db: DbClient, scope: TeamScope) {
  const rows = await readSharedPeople(db, { teamId: scope.team.id, rootId: scope.actor.id });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    stageMetricId: row.stageMetricId,
    outcome: row.outcome,
    owner: { id: row.ownerId, name: row.ownerName },
  }));
}

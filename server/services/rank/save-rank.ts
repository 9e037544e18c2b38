/**
 * Creates or edits a rank and its rules (the owner: `settingsProcedure`, server/api/policy/rank.ts). Positions are
 * unique; the rank a leg must hold is one of the team's other ranks. Every change is an AuditEvent.
 */
import type { DbClient } from "@/server/db-client";
import { AppError, badRequest, notFound } from "@/server/errors";
import type { TSaveRankInput } from "@/server/schemas/rank";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import { rankSelect } from "./list-ranks";

export async function saveRank(db: DbClient, scope: TeamScope, input: TSaveRankInput) {
  const { rankId, ...data } = input;
  const teamId = scope.team.id;
  const clash = await db.rank.findFirst({
    where: { teamId, position: data.position, ...(rankId ? { id: { not: rankId } } : {}) },
    select: { name: true },
  });
  if (clash)
    throw new AppError("CONFLICT", `${clash.name} already has position ${data.position}.`, { field: "position" });
  if (data.legRankId !== null) {
    if (data.legRankId === rankId) throw badRequest("A leg cannot be asked to hold the rank itself.", "legRankId");
    const legRank = await db.rank.findFirst({ where: { id: data.legRankId, teamId }, select: { id: true } });
    if (!legRank) throw badRequest("Choose one of the team's ranks for the legs.", "legRankId");
  }
  if (rankId) {
    const found = await db.rank.findFirst({ where: { id: rankId, teamId }, select: rankSelect });
    if (!found) throw notFound("Rank");
    const saved = await db.rank.update({ where: { id: rankId }, data, select: rankSelect });
    await recordActorEvent(db, scope.actor, { action: "rank.update", data: { rankId, from: found, to: saved } });
    return saved;
  }
  const created = await db.rank.create({ data: { teamId, ...data }, select: rankSelect });
  await recordActorEvent(db, scope.actor, { action: "rank.create", data: { rankId: created.id, to: created } });
  return created;
}

/**
 * Sets a member's split weight — their share under a goal's `weight` split rule, as a percentage of a full-time share
 * (100 = full time, 50 = half time; server/domain/split-weight.ts) — for whoever manages them
 * (`memberManagerProcedure`: the owner for anyone but themselves, a leader for their downline). It weighs in the next
 * preview, publish and re-plan; published targets change only through those. Audited (from → to).
 */
import type { Db } from "@/server/db-client";
import { describeSplitWeight } from "@/server/domain/split-weight";
import { notFound } from "@/server/errors";
import type { TSetSplitWeightInput } from "@/server/schemas/profile";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";

export async function setSplitWeight(db: Db, scope: TeamScope, input: TSetSplitWeightInput) {
  const { actor } = scope;
  const { memberId, splitWeight } = input;
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: memberId, teamId: actor.teamId, status: "ACTIVE" },
      select: { splitWeight: true, user: { select: { name: true } } },
    });
    if (!member) throw notFound("Member");
    const result = { id: memberId, splitWeight, label: describeSplitWeight(splitWeight) };
    if (member.splitWeight === splitWeight) return result;
    await tx.membership.update({ where: { id: memberId }, data: { splitWeight } });
    await recordActorEvent(tx, actor, {
      action: "member.split_weight_changed",
      subjectId: memberId,
      data: { from: member.splitWeight, to: splitWeight },
    });
    return result;
  });
}

/**
 * "Save this as my plan": the caller's rank plan (a `RankPlan`) and, in the same transaction, one published goal per
 * requirement a metric counts — personal volume and team volume (`team_volume`), personally sponsored (`sponsors`) —
 * rooted at the caller, all with the plan's deadline, created and published by the goal services
 * (`createGoalInTx`, server/services/goal/create-goal.ts), so they cascade down the caller's branch and phase like any
 * goal. Each goal covers the qualifying month (from the first day of the deadline's month: rank volumes are counted
 * per calendar month). Legs and active members are not a metric anyone logs: the rank card tracks them.
 * For the caller themselves: anyone in the team may save their own plan.
 */
import type { Db } from "@/server/db-client";
import { startOfPeriod } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";
import { badRequest, notFound } from "@/server/errors";
import { BULK_TRANSACTION } from "@/server/queries/goal-targets";
import { ZCreateGoalInput, type TCreateGoalInput } from "@/server/schemas/goal";
import type { TSaveRankPlanInput } from "@/server/schemas/rank";
import { recordActorEvent } from "@/server/services/audit/record-event";
import { createGoalInTx } from "@/server/services/goal/create-goal";
import type { TeamScope } from "@/server/services/team/scope";
import { rankMetricIds } from "./load-rank-tree";

export async function saveRankPlan(db: Db, scope: TeamScope, input: TSaveRankPlanInput) {
  const { actor, team, today } = scope;
  if (input.deadline < today) throw badRequest("The deadline has passed; choose a later date.", "deadline");
  const rank = await db.rank.findFirst({
    where: { id: input.rankId, teamId: team.id },
    select: { id: true, name: true, personalVolume: true, teamVolume: true, personallySponsored: true },
  });
  if (!rank) throw notFound("Rank");
  const { volume, sponsors } = await rankMetricIds(db, team.id);
  const live = (m: typeof volume) => (m && m.archivedAt === null ? m : undefined);
  const startDate = startOfPeriod(input.deadline, "month");
  const wanted: {
    label: string;
    metricId: string | undefined;
    target: number;
    splitRule: TCreateGoalInput["splitRule"];
  }[] = [
    { label: "personal volume", metricId: live(volume)?.id, target: rank.personalVolume, splitRule: "EVEN" },
    { label: "team volume", metricId: live(volume)?.id, target: rank.teamVolume, splitRule: "HISTORY" },
    {
      label: "personally sponsored",
      metricId: live(sponsors)?.id,
      target: rank.personallySponsored,
      splitRule: "EVEN",
    },
  ];
  const requirements = wanted.filter((w) => w.target > 0 && w.metricId !== undefined);
  if (requirements.length === 0)
    throw badRequest(
      `${rank.name} asks for no volume or sponsors the team logs, so there is no goal to set: the rank card tracks its legs and active members.`,
      "rankId",
    );
  return db.$transaction(async (tx) => {
    const plan = await tx.rankPlan.create({
      data: { teamId: team.id, membershipId: actor.id, rankId: rank.id, deadline: toDbDay(input.deadline) },
      select: { id: true },
    });
    const goals = [];
    for (const r of requirements) {
      const fields = ZCreateGoalInput.parse({
        name: `${rank.name}: ${r.label}`,
        metricId: r.metricId,
        target: r.target,
        startDate,
        deadline: input.deadline,
        period: "WEEK",
        splitRule: r.splitRule,
        publish: true,
      });
      goals.push(await createGoalInTx(tx, scope, { ...fields, rootMembershipId: actor.id, rankPlanId: plan.id }));
    }
    await recordActorEvent(tx, actor, {
      action: "rank.plan.save",
      subjectId: actor.id,
      data: { rankPlanId: plan.id, rank: rank.name, deadline: input.deadline, goalIds: goals.map((g) => g.id) },
    });
    return { id: plan.id, goals };
  }, BULK_TRANSACTION);
}

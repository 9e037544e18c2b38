/**
 * The upline (a leader above the member, or the owner) accepts or declines a member's proposed personal target.
 * Accepting fixes it as an override, rebalances the others and records the change — or, if it cannot fit, says so
 * and saves nothing. One transaction; the goal's version is bumped like any other change.
 */
import type { Db, DbClient } from "@/server/db-client";
import { AppError, notFound } from "@/server/errors";
import type { TeamScope } from "@/server/services/team/scope";
import { goalRowSelect } from "./goal-access";
import { planGoalChange } from "./plan-goal-change";
import { recordTargetChanges } from "./record-target-changes";
import * as clock from "@/server/clock";
import { notifyProposalDecided } from "@/server/services/notification/event-notifications";
import { warmGoalDashboardLater, type WarmOptions } from "@/server/services/progress/warm-goal-dashboard";

/** A proposal in the team, NOT_FOUND if absent (`proposalProcedure` checks the caller manages its member and may change its goal). */
export async function loadProposal(db: DbClient, args: { teamId: string; proposalId: string }) {
  const proposal = await db.targetProposal.findFirst({
    where: { id: args.proposalId, teamId: args.teamId },
    select: { id: true, goalId: true, membershipId: true, proposed: true, status: true },
  });
  if (!proposal) throw notFound("Proposal");
  return proposal;
}

/**
 * Who may decide is checked by `proposalProcedure` (server/api/policy/goal.ts); the proposal is read again here. An
 * accepted proposal changes the goal's targets: a big team's dashboard is then read ahead (warm-goal-dashboard.ts).
 */
export async function decideProposal(
  db: Db,
  scope: TeamScope,
  args: { proposalId: string; decision: "ACCEPT" | "DECLINE"; note?: string },
  options: { warm?: WarmOptions } = {},
) {
  const { actor } = scope;
  const outcome = await db.$transaction(async (tx) => {
    const proposal = await loadProposal(tx, { teamId: actor.teamId, proposalId: args.proposalId });
    if (proposal.status !== "PENDING")
      throw new AppError("CONFLICT", "This proposal was already decided or withdrawn.");
    const decided = { decidedById: actor.id, decidedAt: clock.now(), decisionNote: args.note ?? null };
    // Its author hears the decision (issue 20), in this transaction.
    const notice = { team: scope.team, deciderId: actor.id, proposal, note: args.note ?? null };
    if (args.decision === "DECLINE") {
      await tx.targetProposal.update({ where: { id: proposal.id }, data: { status: "DECLINED", ...decided } });
      await notifyProposalDecided(tx, { ...notice, status: "DECLINED" });
      return { status: "DECLINED" as const };
    }
    const goal = await tx.goal.findUniqueOrThrow({ where: { id: proposal.goalId }, select: goalRowSelect });
    const change = { kind: "override" as const, membershipId: proposal.membershipId, personal: proposal.proposed };
    const planned = await planGoalChange(tx, { goal, change, asOf: scope.today, names: false });
    if (planned.conflicts.length > 0) {
      throw new AppError("CONFLICT", `Not accepted: ${planned.conflicts.map((c) => c.message).join(" ")}`);
    }
    const bumped = await tx.goal.updateMany({
      where: { id: goal.id, version: goal.version },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) throw new AppError("CONFLICT", "The goal changed at the same moment. Please try again.");
    const who = planned.diff.find((d) => d.membershipId === proposal.membershipId)?.name ?? "the member";
    await recordTargetChanges(tx, {
      actorId: actor.id,
      goal,
      change,
      reason: `Proposal from ${who} accepted${args.note ? `: ${args.note}` : ""}`,
      diff: planned.diff,
      goalDiff: [],
      fmt: planned.fmt,
    });
    await tx.targetProposal.update({ where: { id: proposal.id }, data: { status: "ACCEPTED", ...decided } });
    await notifyProposalDecided(tx, { ...notice, status: "ACCEPTED" });
    return { status: "ACCEPTED" as const, goalId: goal.id };
  });
  if (outcome.status === "DECLINED") return outcome;
  warmGoalDashboardLater(db, { teamId: actor.teamId, goalId: outcome.goalId }, options.warm);
  return { status: outcome.status };
}

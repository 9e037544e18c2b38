/**
 * Starts (or resumes) the weekly review of a goal for a subtree the actor leads: stores a snapshot of the scoreboard,
 * the members off pace with their catch-up numbers, the wins of the week and the members who will commit. Leaders
 * and the owner only, for a published goal they may see and a subtree they can see (`startReviewProcedure`,
 * server/api/policy/review.ts, which passes the goal phased and the root checked). Idempotent per goal, root and
 * week while the review is open.
 *
 * The week is the last completed week inside the goal, or this week so far when the goal began this week
 * (server/domain/review-week.ts); before the goal's first day there is nothing to review. Its numbers and every
 * status come from the dashboard's own roll-up for that week seen on its as-of day (`getRollup`, period "week",
 * server/services/progress/), so the review and the dashboard agree for the same goal, week and subtree. An open
 * review whose numbers were taken on an earlier as-of day (this week, the day before) is brought up to date when it
 * is resumed. Commitments are for the coming week (`commitmentWeekStart`).
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";
import { commitmentWeekStart, reviewWeek } from "@/server/domain/review-week";
import { badRequest } from "@/server/errors";
import { victoriesInSubtree } from "@/server/queries/dashboard";
import { getRollup } from "@/server/services/progress/get-rollup";
import type { GoalPlan } from "@/server/services/progress/load-goal-plan";
import type { TeamScope } from "@/server/services/team/scope";
import { branchSnapshot } from "./branch-snapshot";
import { notifyReviewStarted } from "@/server/services/notification/event-notifications";

export async function startReview(db: Db, scope: TeamScope, input: { goal: GoalPlan; rootId: string }) {
  const { actor, team, today } = scope;
  const { rootId } = input;
  const goalId = input.goal.goal.id;
  const start = toIsoDay(input.goal.goal.startDate);
  const reviewed = reviewWeek({
    today,
    start,
    deadline: toIsoDay(input.goal.goal.deadline),
    weekStartsOn: team.weekStartsOn,
  });
  if (!reviewed)
    throw badRequest(`This goal starts on ${start}: its first weekly review can be held once it has begun.`);
  const { week } = reviewed;

  const existing = await db.weeklyReview.findFirst({
    where: { teamId: team.id, goalId, rootMembershipId: rootId, weekStart: toDbDay(week.from), status: "OPEN" },
    select: { id: true, snapshot: true },
  });
  if (existing && (existing.snapshot as unknown as ReviewSnapshot | null)?.period?.asOf === reviewed.asOf)
    return { id: existing.id };

  // The dashboard's roll-up for that week, seen on its as-of day: a past week as of its end (all of its plan due),
  // this week so far as of today (due through yesterday, as the dashboard shows it).
  const rollup = await getRollup(db, scope, { goal: input.goal, period: "week", rootId, viewDay: reviewed.asOf });
  const wins = await victoriesInSubtree(db, {
    teamId: team.id,
    rootId,
    viewerId: actor.id,
    limit: 50,
    from: week.from,
    to: week.to,
  });
  const snapshot = branchSnapshot({
    rollup,
    rootId: rollup.rows[0]!.id,
    reviewed,
    nextWeekStart: commitmentWeekStart(today, team.weekStartsOn, week),
    wins,
    withMembers: true,
  });
  if (existing) {
    // Still open, so nothing in it is frozen yet: its numbers move on to the new as-of day.
    await db.weeklyReview.update({
      where: { id: existing.id },
      data: { snapshot: snapshot as unknown as Prisma.InputJsonValue },
    });
    return { id: existing.id };
  }
  return db.$transaction(async (tx) => {
    const review = await tx.weeklyReview.create({
      data: {
        teamId: team.id,
        goalId,
        rootMembershipId: rootId,
        startedById: actor.id,
        weekStart: toDbDay(week.from),
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    // Everyone in the branch but the starter hears it (issue 20): one statement for the subtree, in this transaction.
    await notifyReviewStarted(tx, {
      team,
      starterId: actor.id,
      reviewId: review.id,
      rootId,
      goalName: snapshot.goal.name,
      week: snapshot.week,
    });
    return review;
  });
}

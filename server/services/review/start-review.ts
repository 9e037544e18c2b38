/**
 * Starts (or resumes) the weekly review of last week for a goal and a subtree the actor leads: stores a snapshot of
 * the scoreboard, the members off pace with their catch-up numbers, the wins of the week and the members who will
 * commit. Leaders and the owner only. Idempotent per goal, root and week while the review is open.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { addDays, startOfPeriod } from "@/server/domain/calendar";
import { forbidden } from "@/server/errors";
import { getRollup } from "@/server/services/dashboard/get-rollup";
import { listVictories } from "@/server/services/dashboard/list-victories";
import { dbDay, type TeamCalendar } from "@/server/services/dashboard/load-goal-plan";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import type { ReviewSnapshot } from "./review-snapshot";
import * as clock from "@/server/clock";

export async function startReview(
  db: Db,
  args: { actor: ActorMembership; team: TeamCalendar; goalId: string; rootId?: string; today?: string },
) {
  if (args.actor.role === "MEMBER") throw forbidden("Only the team owner and leaders can run a weekly review.");
  const today = args.today ?? clock.todayIn(args.team.timeZone);
  const weekStart = addDays(startOfPeriod(today, "week", args.team.weekStartsOn), -7);
  const weekEnd = addDays(weekStart, 6);
  const rootId = args.rootId ?? args.actor.id;

  const existing = await db.weeklyReview.findFirst({
    where: { teamId: args.team.id, goalId: args.goalId, rootMembershipId: rootId, weekStart: dbDay(weekStart), status: "OPEN" },
    select: { id: true },
  });
  if (existing) return existing;

  // Last week is over on the review's day, so its whole plan is due.
  const rollup = await getRollup(db, {
    actor: args.actor,
    team: args.team,
    goalId: args.goalId,
    period: "week",
    rootId,
    today: weekEnd,
    currentDay: today,
  });
  const wins = await listVictories(db, { actor: args.actor, rootId, limit: 50, from: weekStart, to: weekEnd });
  const root = rollup.rows[0]!;
  const snapshot: ReviewSnapshot = {
    version: 1,
    goal: {
      id: rollup.goal.id,
      name: rollup.goal.name,
      metricName: rollup.goal.metric.name,
      unit: rollup.goal.metric.unit,
      target: rollup.goal.target,
      baseline: rollup.goal.baseline,
      start: rollup.goal.start,
      deadline: rollup.goal.deadline,
    },
    week: { from: weekStart, to: weekEnd },
    nextWeekStart: addDays(weekStart, 7),
    root: { id: root.id, name: root.name },
    scoreboard: {
      weekTarget: root.teamTarget,
      weekActual: root.teamActual,
      weekStatus: root.teamStatus,
      goalActual: root.goal.teamActual,
      goalExpected: root.goal.teamExpected,
      goalShare: root.goal.teamShare,
      goalStatus: root.goal.status,
      forecast: root.goal.forecast,
      catchUpPerWeek: root.goal.catchUpPerWeek,
      onPace: root.below.onPace,
      offPace: root.below.offPace,
    },
    offPace: rollup.rows
      .filter((r) => r.id !== root.id && (r.goal.status === "behind" || r.goal.status === "at_risk"))
      .sort((a, b) => b.goal.catchUpPerWeek - a.goal.catchUpPerWeek)
      .slice(0, 100)
      .map((r) => ({
        id: r.id,
        name: r.name,
        status: r.goal.status,
        actual: r.goal.teamActual,
        expected: r.goal.teamExpected,
        catchUpPerWeek: r.goal.catchUpPerWeek,
      })),
    wins: wins.map((w) => ({ id: w.id, name: w.name, title: w.title, kind: w.kind, day: w.day })),
    members: rollup.rows.slice(0, 500).map((r) => ({ id: r.id, name: r.name, role: r.role, depth: r.depth })),
  };
  return db.weeklyReview.create({
    data: {
      teamId: args.team.id,
      goalId: args.goalId,
      rootMembershipId: rootId,
      startedById: args.actor.id,
      weekStart: dbDay(weekStart),
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
}

/**
 * Writes a re-plan: updates changed MemberTargets (and creates rows for members who joined since publishing),
 * and records one TargetChange per member whose numbers changed plus one for the goal itself. Inside a transaction;
 * three bulk statements whatever the number of members (write-targets.ts).
 */
import type { DbClient } from "@/server/db-client";
import type { TGoalChange } from "@/server/schemas/goal";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import type { GoalFieldDiff, MemberDiff } from "./plan-goal-change";
import { insertMemberTargets, insertTargetChanges, updateMemberTargets } from "./write-targets";

const FIELD_WORDS: Record<GoalFieldDiff["field"], string> = { target: "Goal target", deadline: "Deadline", splitRule: "Split rule" };

export function defaultReason(change: TGoalChange, diff: readonly MemberDiff[], goalDiff: readonly GoalFieldDiff[], fmt: (a: number) => string): string {
  if (change.kind === "override") {
    const who = diff.find((d) => d.membershipId === change.membershipId)?.name ?? "a member";
    return `Target set by hand for ${who}`;
  }
  const g = goalDiff[0];
  if (!g) return "Re-planned";
  const show = (v: string | number) => (typeof v === "number" && g.field === "target" ? fmt(v) : String(v).toLowerCase());
  return `${FIELD_WORDS[g.field]} changed from ${show(g.from)} to ${show(g.to)}`;
}

export async function recordTargetChanges(
  tx: DbClient,
  args: {
    actor: ActorMembership;
    goal: { id: string; teamId: string };
    change: TGoalChange;
    reason?: string;
    diff: MemberDiff[];
    goalDiff: GoalFieldDiff[];
    rowsByMember: Map<string, { id: string }>;
    fmt: (a: number) => string;
  },
) {
  const { goal, diff } = args;
  const reason = args.reason?.trim() || defaultReason(args.change, diff, args.goalDiff, args.fmt);
  const fresh = diff.filter((d) => d.isNew);
  await insertMemberTargets(tx, {
    teamId: goal.teamId,
    goalId: goal.id,
    rows: fresh.map((d) => ({
      membershipId: d.membershipId,
      personal: d.personal.to,
      team: d.team.to,
      personalOverride: d.personalOverride.to,
      teamOverride: d.teamOverride.to,
    })),
  });
  await updateMemberTargets(
    tx,
    diff
      .filter((d) => !d.isNew)
      .map((d) => ({
        id: args.rowsByMember.get(d.membershipId)!.id,
        personal: d.personal.to,
        team: d.team.to,
        personalOverride: d.personalOverride.to,
        teamOverride: d.teamOverride.to,
      })),
  );
  await insertTargetChanges(tx, {
    teamId: goal.teamId,
    goalId: goal.id,
    actorId: args.actor.id,
    reason,
    rows: [
      ...args.goalDiff.map((g) => ({
        membershipId: null,
        field: g.field,
        fromValue: typeof g.from === "number" ? g.from : null,
        toValue: typeof g.to === "number" ? g.to : null,
        data: { from: g.from, to: g.to },
      })),
      ...diff
        .filter((d) => d.personal.from !== d.personal.to || d.team.from !== d.team.to || d.isNew)
        .map((d) => ({
          membershipId: d.membershipId,
          field: d.personal.from !== d.personal.to || d.isNew ? "personal" : "team",
          fromValue: d.isNew ? null : d.personal.from !== d.personal.to ? d.personal.from : d.team.from,
          toValue: d.personal.from !== d.personal.to || d.isNew ? d.personal.to : d.team.to,
          data: { personal: d.personal, team: d.team },
        })),
      ...diff
        .filter((d) => d.personal.from === d.personal.to && d.team.from === d.team.to && !d.isNew)
        .map((d) => ({
          membershipId: d.membershipId,
          field: "override",
          fromValue: d.personalOverride.from,
          toValue: d.personalOverride.to,
          data: { personalOverride: d.personalOverride, teamOverride: d.teamOverride },
        })),
    ],
  });
}

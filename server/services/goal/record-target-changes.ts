/**
 * Writes a re-plan: the changed members' targets into the goal's split (members who joined since publishing
 * included) and their overrides where they moved, and
 * records it as ONE goal-level TargetChange per changed goal field (or one "members" row when only targets moved)
 * carrying every changed member's from → to — the split before and after when many moved, else arrays
 * (listGoalHistory shows each member their own). Inside a transaction;
 * a few bulk statements whatever the number of members (server/queries/goal-targets.ts).
 */
import type { DbClient } from "@/server/db-client";
import type { TGoalChange } from "@/server/schemas/goal";
import {
  insertTargetChanges,
  MEMBERS_ONLY_FIELD,
  recordsAsSplits,
  writeMemberTargets,
  type TargetChangeRow,
  type TargetColumns,
} from "@/server/queries/goal-targets";
import { editReason } from "./edit-goal-fields";
import type { GoalFieldDiff } from "./goal-field-change";
import type { MemberDiff } from "./member-diff";
import { toDbDay } from "@/server/domain/db-day";

const FIELD_WORDS: Record<GoalFieldDiff["field"], string> = {
  target: "Goal target",
  deadline: "Deadline",
  splitRule: "Split rule",
  holidays: "Holidays",
  name: "Name",
  startDate: "Start",
  curve: "Curve",
  checkpoints: "Checkpoints",
};

const dayWords = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const daysInWords = (list: string | number) =>
  String(list) === "none"
    ? []
    : String(list)
        .split(", ")
        .map((d) => dayWords.format(toDbDay(d)));

/** "Re-planned for the team's holidays: added 26 Mar 2027, 29 Mar 2027; removed 1 Jan 2027". */
function holidaysReason(g: GoalFieldDiff): string {
  const from = new Set(daysInWords(g.from));
  const to = new Set(daysInWords(g.to));
  const added = [...to].filter((d) => !from.has(d));
  const removed = [...from].filter((d) => !to.has(d));
  const parts = [
    added.length > 0 && `added ${added.join(", ")}`,
    removed.length > 0 && `removed ${removed.join(", ")}`,
  ].filter(Boolean);
  return `Re-planned for the team's holidays${parts.length > 0 ? `: ${parts.join("; ")}` : ""}`;
}

export function defaultReason(
  change: TGoalChange,
  diff: readonly MemberDiff[],
  goalDiff: readonly GoalFieldDiff[],
  fmt: (a: number) => string,
): string {
  if (change.kind === "override") {
    const who = diff.find((d) => d.membershipId === change.membershipId)?.name ?? "a member";
    return `Target set by hand for ${who}`;
  }
  if (change.kind === "edit") return editReason(goalDiff);
  const g = goalDiff[0];
  if (!g) return "Re-planned";
  if (g.field === "holidays") return holidaysReason(g);
  const show = (v: string | number) =>
    typeof v === "number" && g.field === "target" ? fmt(v) : String(v).toLowerCase();
  return `${FIELD_WORDS[g.field]} changed from ${show(g.from)} to ${show(g.to)}`;
}

export async function recordTargetChanges(
  tx: DbClient,
  args: {
    actorId: string;
    goal: { id: string; teamId: string };
    change: TGoalChange;
    reason?: string;
    diff: MemberDiff[];
    goalDiff: GoalFieldDiff[];
    fmt: (a: number) => string;
  },
) {
  const { goal, diff } = args;
  const reason = args.reason?.trim() || defaultReason(args.change, diff, args.goalDiff, args.fmt);
  const split = await writeMemberTargets(tx, {
    goal,
    columns: targetColumns(diff),
    at: Int32Array.from(diff, (d) => d.slot),
  });

  // Members whose targets moved: one goal-level row carries them all. Members whose only change is a hand-set
  // value that equals what they had (rare: a handful) keep a row of their own ("override").
  const moved = diff.filter((d) => d.isNew || d.personal.from !== d.personal.to || d.team.from !== d.team.to);
  const overrideOnly = diff.filter((d) => !d.isNew && d.personal.from === d.personal.to && d.team.from === d.team.to);
  const goalRows: TargetChangeRow[] = args.goalDiff.map((g) => ({
    membershipId: null,
    field: g.field,
    fromValue: typeof g.from === "number" ? g.from : null,
    toValue: typeof g.to === "number" ? g.to : null,
    data: { from: g.from, to: g.to },
  }));
  if (goalRows.length === 0 && moved.length > 0) {
    goalRows.push({ membershipId: null, field: MEMBERS_ONLY_FIELD, fromValue: null, toValue: null, data: null });
  }
  await insertTargetChanges(tx, {
    teamId: goal.teamId,
    goalId: goal.id,
    actorId: args.actorId,
    reason,
    rows: [
      ...goalRows,
      ...overrideOnly.map((d) => ({
        membershipId: d.membershipId,
        field: "override",
        fromValue: d.personalOverride.from,
        toValue: d.personalOverride.to,
        data: { personalOverride: d.personalOverride, teamOverride: d.teamOverride },
      })),
    ],
    members:
      moved.length === 0
        ? undefined
        : split && recordsAsSplits(moved.length, split.after)
          ? split
          : {
              membershipIds: moved.map((d) => d.membershipId),
              personalFrom: moved.map((d) => (d.isNew ? null : d.personal.from)),
              personalTo: moved.map((d) => d.personal.to),
              teamFrom: moved.map((d) => (d.isNew ? null : d.team.from)),
              teamTo: moved.map((d) => d.team.to),
            },
  });
}

function targetColumns(diff: readonly MemberDiff[]): TargetColumns {
  return {
    membershipIds: diff.map((d) => d.membershipId),
    personal: diff.map((d) => d.personal.to),
    team: diff.map((d) => d.team.to),
    personalOverride: diff.map((d) => d.personalOverride.to),
    teamOverride: diff.map((d) => d.teamOverride.to),
  };
}

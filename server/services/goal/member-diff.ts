/**
 * The member-level part of a re-plan: the overrides the cascade keeps (those already set, plus the change's), and
 * who changes from → to once it has run — including members who left the subtree since, whose share goes back to the
 * others.
 */
import type { CascadeOverride } from "@/server/domain/cascade";
import type { PlannedMember } from "@/server/domain/compute-goal-plan";
import { notFound } from "@/server/errors";
import type { GoalTargetRow } from "@/server/queries/goal";
import type { TGoalChange } from "@/server/schemas/goal";

export interface MemberDiff {
  membershipId: string;
  name: string;
  personal: { from: number; to: number };
  team: { from: number; to: number };
  personalOverride: { from: number | null; to: number | null };
  teamOverride: { from: number | null; to: number | null };
  /** The member has no target row yet (joined after publishing). */
  isNew: boolean;
}

export type OverrideValues = Map<string, { personal: number | null; team: number | null }>;

const NO_OVERRIDE = { personal: null, team: null } as const;

/** The overrides after the change: those set on members still in the tree, with an `override` change applied. */
export function overridesAfter(
  rows: readonly GoalTargetRow[],
  inTree: ReadonlySet<string>,
  change: TGoalChange,
): OverrideValues {
  const ov: OverrideValues = new Map();
  for (const r of rows) {
    if ((r.personalOverride !== null || r.teamOverride !== null) && inTree.has(r.membershipId)) {
      ov.set(r.membershipId, { personal: r.personalOverride, team: r.teamOverride });
    }
  }
  if (change.kind === "override") {
    if (!inTree.has(change.membershipId)) throw notFound("Member");
    const cur = ov.get(change.membershipId) ?? NO_OVERRIDE;
    ov.set(change.membershipId, {
      personal: change.personal === undefined ? cur.personal : change.personal,
      team: change.team === undefined ? cur.team : change.team,
    });
  }
  return ov;
}

export function cascadeOverrides(ov: OverrideValues): CascadeOverride[] {
  const overrides: CascadeOverride[] = [];
  for (const [id, o] of ov) {
    if (o.personal !== null) overrides.push({ id, kind: "personal", value: o.personal });
    if (o.team !== null) overrides.push({ id, kind: "team", value: o.team });
  }
  return overrides;
}

/** Who changes: members whose targets or overrides move, new members, and members who left (back to 0). */
export function memberDiff(args: {
  members: readonly PlannedMember[];
  rows: readonly GoalTargetRow[];
  overrides: OverrideValues;
  inTree: ReadonlySet<string>;
}): MemberDiff[] {
  const byMember = new Map(args.rows.map((r) => [r.membershipId, r]));
  const diff: MemberDiff[] = [];
  for (const m of args.members) {
    const before = byMember.get(m.id);
    const o = args.overrides.get(m.id) ?? NO_OVERRIDE;
    const d: MemberDiff = {
      membershipId: m.id,
      name: m.name,
      personal: { from: before?.personal ?? 0, to: m.personal },
      team: { from: before?.team ?? 0, to: m.team },
      personalOverride: { from: before?.personalOverride ?? null, to: o.personal },
      teamOverride: { from: before?.teamOverride ?? null, to: o.team },
      isNew: before === undefined,
    };
    if (
      d.isNew ||
      d.personal.from !== d.personal.to ||
      d.team.from !== d.team.to ||
      d.personalOverride.from !== d.personalOverride.to ||
      d.teamOverride.from !== d.teamOverride.to
    ) {
      diff.push(d);
    }
  }
  // Members who left the subtree since: their share goes back to the others.
  for (const r of args.rows) {
    if (args.inTree.has(r.membershipId) || (r.personal === 0 && r.team === 0)) continue;
    diff.push({
      membershipId: r.membershipId,
      name: "A former member",
      personal: { from: r.personal, to: 0 },
      team: { from: r.team, to: 0 },
      personalOverride: { from: r.personalOverride, to: null },
      teamOverride: { from: r.teamOverride, to: null },
      isNew: false,
    });
  }
  return diff;
}

/**
 * The member-level part of a re-plan: the overrides the cascade keeps (those already set, plus the change's), and
 * who changes from → to once it has run — including members who left the subtree since, whose share goes back to the
 * others.
 */
import { positionsBySlot } from "@/server/domain/goal-split";
import type { CascadeOverride } from "@/server/domain/cascade";
import type { PlannedMember } from "@/server/domain/compute-goal-plan";
import { notFound } from "@/server/errors";
import type { GoalTargetRow } from "@/server/queries/goal";
import type { TGoalChange } from "@/server/schemas/goal";

export interface MemberDiff {
  membershipId: string;
  /** The member's place in the goal's split (`Membership.slot`): written there without looking the id up. */
  slot: number;
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

/**
 * Who is in the goal's tree now, by slot (`Membership.slot`): the tree's members come with their slots, so a re-plan
 * over 100,000 members tells who stays without a 100,000-key set of ids.
 */
export class TreeSlots {
  private readonly inTree: { slotAt: (slot: number) => number };
  constructor(private readonly members: readonly { id: string; slot?: number }[]) {
    for (const m of members) if (m.slot === undefined) throw new Error(`Member ${m.id} has no slot.`);
    this.inTree = positionsBySlot(members.map((m) => m.slot!));
  }
  hasSlot(slot: number): boolean {
    return this.inTree.slotAt(slot) >= 0;
  }
  /** A member by id: a scan, for the one member a change names. */
  has(id: string): boolean {
    return this.members.some((m) => m.id === id);
  }
  slotOf(i: number): number {
    return this.members[i]!.slot!;
  }
  get size(): number {
    return this.members.length;
  }
}

/** The overrides after the change: those set on members still in the tree, with an `override` change applied. */
export function overridesAfter(rows: readonly GoalTargetRow[], inTree: TreeSlots, change: TGoalChange): OverrideValues {
  const ov: OverrideValues = new Map();
  for (const r of rows) {
    if ((r.personalOverride !== null || r.teamOverride !== null) && inTree.hasSlot(r.slot)) {
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

/**
 * Who changes: members whose targets or overrides move, new members, and members who left (back to 0). `members[i]`
 * is the tree's member i (`inTree.slotOf(i)`); the targets before are found by slot, not by id.
 */
export function memberDiff(args: {
  members: readonly PlannedMember[];
  rows: readonly GoalTargetRow[];
  overrides: OverrideValues;
  inTree: TreeSlots;
}): MemberDiff[] {
  const { members, rows, overrides, inTree } = args;
  if (members.length !== inTree.size) throw new Error("memberDiff: the plan and the tree differ in size.");
  const rowAt = positionsBySlot(rows.map((r) => r.slot));
  const diff: MemberDiff[] = [];
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    const slot = inTree.slotOf(i);
    const k = rowAt.slotAt(slot);
    const before = k >= 0 ? rows[k] : undefined;
    const o = overrides.size === 0 ? NO_OVERRIDE : (overrides.get(m.id) ?? NO_OVERRIDE);
    const personalFrom = before?.personal ?? 0;
    const teamFrom = before?.team ?? 0;
    const personalOverrideFrom = before?.personalOverride ?? null;
    const teamOverrideFrom = before?.teamOverride ?? null;
    if (
      before === undefined ||
      personalFrom !== m.personal ||
      teamFrom !== m.team ||
      personalOverrideFrom !== o.personal ||
      teamOverrideFrom !== o.team
    ) {
      diff.push({
        membershipId: m.id,
        slot,
        name: m.name,
        personal: { from: personalFrom, to: m.personal },
        team: { from: teamFrom, to: m.team },
        personalOverride: { from: personalOverrideFrom, to: o.personal },
        teamOverride: { from: teamOverrideFrom, to: o.team },
        isNew: before === undefined,
      });
    }
  }
  // Members who left the subtree since: their share goes back to the others.
  for (const r of rows) {
    if (inTree.hasSlot(r.slot) || (r.personal === 0 && r.team === 0)) continue;
    diff.push({
      membershipId: r.membershipId,
      slot: r.slot,
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

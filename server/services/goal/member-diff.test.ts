/** memberDiff and TreeSlots: the targets before are found by slot; who left, who is new, who did not move. */
import { describe, expect, it } from "vitest";
import type { PlannedMember } from "@/server/domain/compute-goal-plan";
import type { GoalTargetRow } from "@/server/queries/goal-split";
import { memberDiff, overridesAfter, TreeSlots } from "./member-diff";

const planned = (id: string, personal: number, team: number) =>
  ({ id, name: id.toUpperCase(), personal, team }) as PlannedMember;
const row = (
  membershipId: string,
  slot: number,
  personal: number,
  team: number,
  personalOverride: number | null = null,
): GoalTargetRow => ({
  membershipId,
  slot,
  personal,
  team,
  personalOverride,
  teamOverride: null,
});

describe("memberDiff", () => {
  // Slots are not the tree's order: a (slot 7) heads b (slot 2) and c (slot 9, joined since); d (slot 4) left.
  const tree = new TreeSlots([
    { id: "a", slot: 7 },
    { id: "b", slot: 2 },
    { id: "c", slot: 9 },
  ]);
  const rows = [row("b", 2, 40, 40, 40), row("a", 7, 50, 100), row("d", 4, 10, 10)];

  it("lists who moves, who is new and who left, each with their slot; unchanged members are left out", () => {
    const overrides = overridesAfter(rows, tree, { kind: "target", target: 100 } as never);
    expect([...overrides.keys()]).toEqual(["b"]);
    const diff = memberDiff({
      members: [planned("a", 30, 100), planned("b", 40, 40), planned("c", 30, 30)],
      rows,
      overrides,
      inTree: tree,
    });
    expect(diff.map((d) => [d.membershipId, d.slot, d.personal, d.isNew])).toEqual([
      ["a", 7, { from: 50, to: 30 }, false],
      ["c", 9, { from: 0, to: 30 }, true],
      ["d", 4, { from: 10, to: 0 }, false],
    ]);
    expect(diff[2]!.name).toBe("A former member");
  });

  it("an override for someone outside the tree is a not-found; TreeSlots answers by slot and by id", () => {
    expect(() => overridesAfter(rows, tree, { kind: "override", membershipId: "d", personal: 5 } as never)).toThrow(
      /not found/i,
    );
    expect([tree.hasSlot(9), tree.hasSlot(4), tree.hasSlot(99), tree.has("c"), tree.has("d")]).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
    expect(() => new TreeSlots([{ id: "x" }])).toThrow(/no slot/);
  });
});

/**
 * Targets follow the tree: called by every tree change (a recruit joining — accept-invite.ts, both the link and the
 * in-app invitation —, a move — move-member.ts —, a removal — remove-member.ts) INSIDE its transaction, after the
 * tree has changed. For each published goal with `followTree` on, still running, whose tree holds an affected
 * branch, the goal's split rule is applied to the rest of the goal in that branch (`followTree`,
 * server/domain/follow-tree.ts: each branch head keeps their team target exactly, what was due before today stays,
 * overrides stay), the targets are written in bulk and the change is recorded as ONE TargetChange row on the goal
 * ("followTree") carrying every member's from → to, with a reason that reads "Nina joined under Sam: Nina 12,
 * Sam 40 → 28". A goal whose branch cannot be re-split (hand-set targets leave no room) keeps its targets and gets a
 * "followTree" row saying why. A re-split bumps the goal's version. Anything that fails throws, and the tree change
 * rolls back with it.
 *
 * Cost: one query for the goals, one for the upline chain, then per affected goal a constant number (the goal's
 * subtree in one query, its targets in one, the writes in bulk) whatever the tree size.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";
import { followTree as resplit, type FollowTarget } from "@/server/domain/follow-tree";
import { phaseGoal, ruleOf } from "@/server/domain/goal-phasing";
import { formatAmount } from "@/server/domain/money";
import { cumulativeOn } from "@/server/domain/phasing";
import { goalTargetRows } from "@/server/queries/goal-split";
import { insertTargetChanges, writeMemberTargets } from "@/server/queries/goal-targets";
import { listSubtree, listUplineChain } from "@/server/queries/tree";
import { goalRowSelect } from "./goal-access";
import { loadStoredGoalContext } from "./goal-context";

/** `field` of the goal-level TargetChange row a tree change writes. */
export const FOLLOW_TREE_FIELD = "followTree";

/** How many members a reason names before "and N more". */
const NAMED = 6;

export type TreeChange =
  | { kind: "joined"; memberId: string; parentId: string; rejoined?: boolean }
  | { kind: "moved"; memberId: string; fromParentId: string; toParentId: string }
  | { kind: "removed"; memberId: string; formerParentId: string };

export interface FollowedGoal {
  goalId: string;
  /** Members whose targets were written (0 when skipped). */
  changed: number;
  /** Why the goal was left as it was, when it was. */
  skipped: string | null;
}

export async function followTreeChange(
  tx: DbClient,
  args: { teamId: string; actorId: string | null; change: TreeChange; today: IsoDate },
): Promise<FollowedGoal[]> {
  const { teamId, change, today } = args;
  const heads =
    change.kind === "joined"
      ? [change.parentId]
      : change.kind === "moved"
        ? [change.fromParentId, change.toParentId]
        : [change.formerParentId];
  const goals = await tx.goal.findMany({
    where: {
      teamId,
      status: "PUBLISHED",
      followTree: true,
      deadline: { gte: toDbDay(today) },
      metric: { archivedAt: null },
    },
    select: { ...goalRowSelect, metric: { select: { unit: true } }, team: { select: { currency: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (goals.length === 0) return [];
  // A goal is affected when its root is a head or above one (the moved member's own subtree moves with them).
  const above = new Set<string>(heads);
  for (const h of new Set(heads)) {
    for (const u of await listUplineChain(tx, { teamId, memberId: h })) above.add(u.id);
  }
  const affected = goals.filter((g) => above.has(g.rootMembershipId));
  if (affected.length === 0) return [];

  const people = await tx.membership.findMany({
    where: { id: { in: [change.memberId, ...heads] } },
    select: { id: true, user: { select: { name: true } } },
  });
  const nameById = new Map(people.map((p) => [p.id, p.user.name]));
  const movedIds =
    change.kind === "moved"
      ? (await listSubtree(tx, { teamId, rootId: change.memberId })).map((n) => n.id)
      : [change.memberId];

  const out: FollowedGoal[] = [];
  for (const goal of affected) {
    const fmt = (a: number) => formatAmount(a, goal.metric.unit, goal.team.currency);
    const ctx = await loadStoredGoalContext(tx, goal, { splitRule: goal.splitRule, asOf: today });
    const rows = await goalTargetRows(tx, goal);
    const before = new Map<string, FollowTarget>(rows.map((r) => [r.membershipId, r]));
    const inTree = new Set(ctx.nodes.map((n) => n.id));
    for (const n of ctx.nodes) nameById.set(n.id, n.name);

    // Removed members counted under someone in this goal's tree, with the targets they keep.
    const outside = rows.filter((r) => !inTree.has(r.membershipId) && r.membershipId !== change.memberId);
    const formers =
      outside.length === 0
        ? []
        : (
            await tx.membership.findMany({
              where: {
                id: { in: outside.map((r) => r.membershipId) },
                status: "REMOVED",
                formerParentId: { not: null },
              },
              select: { id: true, formerParentId: true },
            })
          )
            .filter((m) => inTree.has(m.formerParentId!))
            .map((m) => ({ id: m.id, attachedTo: m.formerParentId!, personal: before.get(m.id)!.personal }));
    // Members leaving this goal's tree now: a removal (counted under the former upline) or a move out of it.
    const leaving =
      change.kind === "removed"
        ? [{ id: change.memberId, attachedTo: change.formerParentId }]
        : change.kind === "moved" && !inTree.has(change.memberId)
          ? movedIds.filter((id) => before.has(id)).map((id) => ({ id, attachedTo: null }))
          : [];

    const plan = phaseGoal(goal, ctx.team);
    const result = resplit({
      nodes: ctx.nodes.map((n) => ({
        id: n.id,
        parentId: n.parentId,
        weight: n.splitWeight,
        historyActual: n.historyActual ?? 0,
      })),
      before,
      heads: heads.filter((h) => inTree.has(h)),
      formers,
      leaving,
      // Invited back after a removal: the target they kept was all due before they left.
      keptWhole: change.kind === "joined" && change.rejoined ? [change.memberId] : [],
      rule: ruleOf(goal.splitRule),
      historyFloor: goal.historyFloorPct / 100,
      pastProgress: cumulativeOn(plan, addDays(today, -1)) - plan.baseline,
      total: plan.target - plan.baseline,
      nameOf: (id) => nameById.get(id) ?? "a member",
      formatAmount: fmt,
    });

    const event = eventWords(change, (id) => nameById.get(id) ?? "A member");
    if (result.skipped.length > 0) {
      const why = result.skipped.map((s) => s.message).join(" ");
      await insertTargetChanges(tx, {
        teamId,
        goalId: goal.id,
        actorId: args.actorId,
        reason: `${event}: targets not re-split. ${why} Re-plan the goal to share the rest.`,
        rows: [
          { membershipId: null, field: FOLLOW_TREE_FIELD, fromValue: null, toValue: null, data: { skipped: why } },
        ],
      });
      out.push({ goalId: goal.id, changed: 0, skipped: why });
      continue;
    }

    const moved = [...result.targets].filter(([id, t]) => {
      const b = before.get(id);
      return !b || b.personal !== t.personal || b.team !== t.team;
    });
    if (moved.length === 0) {
      out.push({ goalId: goal.id, changed: 0, skipped: null });
      continue;
    }
    const columns = (list: typeof moved) => ({
      membershipIds: list.map(([id]) => id),
      personal: list.map(([, t]) => t.personal),
      team: list.map(([, t]) => t.team),
      personalOverride: list.map(([, t]) => t.personalOverride),
      teamOverride: list.map(([, t]) => t.teamOverride),
    });
    await writeMemberTargets(tx, { goal, columns: columns(moved) });
    // Targets moved: the goal's version moves with them, as with every other change to its targets. A re-plan
    // previewed before is refused as stale instead of overwriting this re-split, and the dashboard's kept roll-ups
    // and views (keyed by the version, branch-view-store.ts) are not served with the targets from before.
    await tx.goal.update({ where: { id: goal.id }, data: { version: { increment: 1 } } });
    const changes = describeChanges(moved, before, nameById, change, fmt);
    await insertTargetChanges(tx, {
      teamId,
      goalId: goal.id,
      actorId: args.actorId,
      reason: `${event}: ${changes.text}`,
      rows: [
        {
          membershipId: null,
          field: FOLLOW_TREE_FIELD,
          fromValue: null,
          toValue: null,
          data: { event: change.kind, memberId: change.memberId, changes: changes.list },
        },
      ],
      members: {
        membershipIds: moved.map(([id]) => id),
        personalFrom: moved.map(([id]) => before.get(id)?.personal ?? null),
        personalTo: moved.map(([, t]) => t.personal),
        teamFrom: moved.map(([id]) => before.get(id)?.team ?? null),
        teamTo: moved.map(([, t]) => t.team),
      },
    });
    out.push({ goalId: goal.id, changed: moved.length, skipped: null });
  }
  return out;
}

/** "Nina joined under Sam", "Nina moved from Sam's team to Bo's", "Nina left the team (from Sam's team)". */
export function eventWords(change: TreeChange, name: (id: string) => string): string {
  const who = name(change.memberId);
  switch (change.kind) {
    case "joined":
      return `${who} joined under ${name(change.parentId)}`;
    case "moved":
      return `${who} moved from under ${name(change.fromParentId)} to under ${name(change.toParentId)}`;
    case "removed":
      return `${who} left the team (from under ${name(change.formerParentId)})`;
  }
}

/**
 * "Nina 12, Sam 40 → 28, Bo 30 → 25 and 3 more": personal targets, the member the change is about first, then the
 * biggest moves; a member whose only change is their team total reads "Ann's team 100 → 100".
 */
function describeChanges(
  moved: [string, FollowTarget][],
  before: ReadonlyMap<string, FollowTarget>,
  nameById: ReadonlyMap<string, string>,
  change: TreeChange,
  fmt: (a: number) => string,
) {
  const list = moved.map(([id, t]) => {
    const b = before.get(id);
    return {
      membershipId: id,
      name: nameById.get(id) ?? "A member",
      personal: { from: b?.personal ?? null, to: t.personal },
      team: { from: b?.team ?? null, to: t.team },
    };
  });
  list.sort(
    (x, y) =>
      Number(y.membershipId === change.memberId) - Number(x.membershipId === change.memberId) ||
      Math.abs(y.personal.to - (y.personal.from ?? 0)) - Math.abs(x.personal.to - (x.personal.from ?? 0)) ||
      x.name.localeCompare(y.name),
  );
  const words = list.map((c) =>
    c.personal.from === null
      ? `${c.name} ${fmt(c.personal.to)}`
      : c.personal.from !== c.personal.to
        ? `${c.name} ${fmt(c.personal.from)} → ${fmt(c.personal.to)}`
        : `${c.name}'s team ${fmt(c.team.from ?? 0)} → ${fmt(c.team.to)}`,
  );
  const text =
    words.length > NAMED ? `${words.slice(0, NAMED).join(", ")} and ${words.length - NAMED} more` : words.join(", ");
  return { text, list: list.slice(0, 50) };
}

/**
 * Tests only: a goal's targets as rows (goalId, membershipId, personal, team, personalOverride, teamOverride), read
 * from and written to the compact split (GoalSplit + TargetOverride, server/queries/goal-split.ts), with the small
 * part of a Prisma delegate that the tests used on the old MemberTarget table. Never used by the product.
 */
import type { DbClient } from "@/server/db-client";
import { goalTargetRows, setOverrides, readGoalSplit, teamSlots, writeGoalSplit } from "@/server/queries/goal-split";
import { patchSplit } from "@/server/domain/goal-split";

export interface TargetRow {
  goalId: string;
  membershipId: string;
  personal: number;
  team: number;
  personalOverride: number | null;
  teamOverride: number | null;
}

interface Where {
  goalId?: string | { in: string[] };
  membershipId?: string;
  goal?: { rankPlanId?: string; teamId?: string };
}
type Key = { goalId_membershipId: { goalId: string; membershipId: string } };
type OrderBy = { membershipId: "asc" | "desc" };

function pick<T extends object>(row: T, select?: Partial<Record<keyof T, boolean>>): T {
  if (!select) return row;
  return Object.fromEntries(Object.entries(row).filter(([k]) => select[k as keyof T])) as T;
}

export function targetTable(db: DbClient) {
  async function goalIdsOf(where: Where): Promise<string[]> {
    if (typeof where.goalId === "string") return [where.goalId];
    const goals = await db.goal.findMany({
      where: {
        ...(where.goalId && typeof where.goalId === "object" ? { id: { in: where.goalId.in } } : {}),
        ...(where.goal ?? {}),
      },
      select: { id: true },
    });
    return goals.map((g) => g.id);
  }
  async function rowsOf(where: Where, orderBy?: OrderBy): Promise<TargetRow[]> {
    const out: TargetRow[] = [];
    for (const goalId of await goalIdsOf(where)) {
      const goal = await db.goal.findUnique({ where: { id: goalId }, select: { id: true, teamId: true } });
      if (!goal) continue;
      for (const r of await goalTargetRows(db, goal)) {
        if (where.membershipId && r.membershipId !== where.membershipId) continue;
        out.push({ goalId, ...r });
      }
    }
    if (orderBy) {
      const dir = orderBy.membershipId === "asc" ? 1 : -1;
      out.sort((a, b) => (a.membershipId < b.membershipId ? -dir : a.membershipId > b.membershipId ? dir : 0));
    }
    return out;
  }
  async function write(goalId: string, membershipId: string, data: Partial<TargetRow>) {
    const goal = await db.goal.findUniqueOrThrow({ where: { id: goalId }, select: { teamId: true } });
    const slots = await teamSlots(db, goal.teamId);
    const cur = (await rowsOf({ goalId, membershipId }))[0];
    const stored = await readGoalSplit(db, goalId);
    const slot = slots.slotOf.get(membershipId)!;
    const personal = data.personal ?? cur?.personal ?? 0;
    const team = data.team ?? cur?.team ?? 0;
    await writeGoalSplit(db, {
      goalId,
      split: patchSplit(stored?.split ?? null, { slots: [slot], personal: [personal], team: [team] }),
    });
    if ("personalOverride" in data || "teamOverride" in data) {
      await setOverrides(db, {
        goalId,
        rows: [
          {
            membershipId,
            personal: data.personalOverride !== undefined ? data.personalOverride : (cur?.personalOverride ?? null),
            team: data.teamOverride !== undefined ? data.teamOverride : (cur?.teamOverride ?? null),
          },
        ],
      });
    }
  }
  return {
    findMany: (a: { where: Where; orderBy?: OrderBy; select?: Partial<Record<keyof TargetRow, boolean>> }) =>
      rowsOf(a.where, a.orderBy).then((rows) => rows.map((r) => pick(r, a.select))),
    count: (a: { where: Where }) => rowsOf(a.where).then((rows) => rows.length),
    async findFirst(a: { where: Where }) {
      return (await rowsOf(a.where))[0] ?? null;
    },
    async findFirstOrThrow(a: { where: Where }) {
      const r = (await rowsOf(a.where))[0];
      if (!r) throw new Error("No target");
      return r;
    },
    async findUniqueOrThrow(a: { where: Key; select?: Partial<Record<keyof TargetRow, boolean>> }) {
      const r = (await rowsOf(a.where.goalId_membershipId))[0];
      if (!r) throw new Error("No target");
      return pick(r, a.select);
    },
    async findUnique(a: { where: Key }) {
      return (await rowsOf(a.where.goalId_membershipId))[0] ?? null;
    },
    async create(a: { data: Partial<TargetRow> & { goalId: string; membershipId: string } }) {
      await write(a.data.goalId, a.data.membershipId, a.data);
    },
    async update(a: { where: Key; data: Partial<TargetRow> }) {
      await write(a.where.goalId_membershipId.goalId, a.where.goalId_membershipId.membershipId, a.data);
    },
    /** Removes members' targets (their slots become "not in the goal"), or a goal's whole split. */
    async deleteMany(a: { where: Where }) {
      for (const goalId of await goalIdsOf(a.where)) {
        if (!a.where.membershipId) {
          await db.goalSplit.deleteMany({ where: { goalId } });
          await db.targetOverride.deleteMany({ where: { goalId } });
          continue;
        }
        const goal = await db.goal.findUniqueOrThrow({ where: { id: goalId }, select: { teamId: true } });
        const slot = (await teamSlots(db, goal.teamId)).slotOf.get(a.where.membershipId);
        const stored = await readGoalSplit(db, goalId);
        if (!stored || slot === undefined) continue;
        await writeGoalSplit(db, {
          goalId,
          split: patchSplit(stored.split, { slots: [], personal: [], team: [] }, [slot]),
        });
        await db.targetOverride.deleteMany({ where: { goalId, membershipId: a.where.membershipId } });
      }
    },
  };
}

/**
 * Member slots (`Membership.slot`): a dense per-team ordinal, a member's place in every goal's split (GoalSplit).
 * Taken from `Team.nextSlot` in ONE statement that bumps it: the team row's lock makes two joins racing for the same
 * team wait for each other, and a rolled-back transaction gives its slot back with the bump, so slots stay dense and
 * are never reused. Every place that creates a Membership row takes its slot here (create-team sets the owner's 0).
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { col, mappedRows, queryFirst } from "./decode";

const firstSlot = mappedRows("memberSlot.take", (r) => col.int(r, "first"));

/** Takes `count` consecutive slots of the team (default 1) and returns the first. */
export async function takeMemberSlots(db: DbClient, teamId: string, count = 1): Promise<number> {
  const first = await queryFirst(
    db,
    firstSlot,
    Prisma.sql`UPDATE "Team" SET "nextSlot" = "nextSlot" + ${count}::int WHERE id = ${teamId} RETURNING "nextSlot" - ${count}::int AS first`,
  );
  if (first === null) throw new Error(`No team ${teamId} to take a member slot from.`);
  return first;
}

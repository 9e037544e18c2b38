/** Creates a team and makes its creator the OWNER at the root of the tree, in one transaction. */
import type { Db } from "@/server/db-client";
import { firstFreeSlug, slugify } from "@/server/domain/slug";
import type { TCreateTeamInput } from "@/server/schemas/team";
import { recordEvent } from "@/server/services/audit/record-event";

export async function createTeam(db: Db, args: { userId: string; input: TCreateTeamInput }) {
  const { input } = args;
  const base = slugify(input.name);
  return db.$transaction(async (tx) => {
    const taken = await tx.team.findMany({
      where: { slug: { startsWith: base } },
      select: { slug: true },
    });
    const slug = firstFreeSlug(base, new Set(taken.map((t) => t.slug)));
    const team = await tx.team.create({
      data: {
        slug,
        name: input.name,
        currency: input.currency,
        timeZone: input.timeZone,
        weekStartsOn: input.weekStartsOn,
        workingDays: [...input.workingDays].sort((a, b) => a - b),
        // The owner takes slot 0 (server/queries/member-slot.ts).
        nextSlot: 1,
      },
      select: { id: true, slug: true, name: true },
    });
    const owner = await tx.membership.create({
      data: { teamId: team.id, userId: args.userId, role: "OWNER", slot: 0 },
      select: { id: true },
    });
    await recordEvent(tx, { teamId: team.id, actorId: owner.id, action: "team.created", subjectId: team.id });
    return { ...team, membershipId: owner.id };
  });
}

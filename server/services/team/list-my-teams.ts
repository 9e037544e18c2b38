/** The teams a user is an active member of, with their role — for the team switcher. */
import type { DbClient } from "@/server/db-client";

export async function listMyTeams(db: DbClient, args: { userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId: args.userId, status: "ACTIVE" },
    select: { id: true, role: true, team: { select: { id: true, slug: true, name: true } } },
    orderBy: { team: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.team, role: m.role, membershipId: m.id }));
}

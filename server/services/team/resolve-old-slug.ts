/**
 * An old address of one of the user's teams: the team's current slug, or null. The team layout asks this when the
 * URL's slug is none of the user's current ones, so links made before a rename keep working. Only teams the user is
 * an active member of are considered (an old address of anyone else's team stays a 404), and the latest rename wins
 * when two of their teams once used the same address.
 */
import type { DbClient } from "@/server/db-client";

export async function resolveOldSlug(db: DbClient, args: { userId: string; slug: string }) {
  const redirect = await db.teamSlugRedirect.findFirst({
    where: { slug: args.slug, team: { memberships: { some: { userId: args.userId, status: "ACTIVE" } } } },
    orderBy: { createdAt: "desc" },
    select: { team: { select: { slug: true } } },
  });
  return redirect ? { slug: redirect.team.slug } : null;
}

/** tRPC callers for integration tests: the real router, context and middlewares, no HTTP. */
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db-client";

export function callerFor(db: Db, user: { id: string; email: string; name: string } | null) {
  return createCaller({ db, user });
}

/** A caller for the user behind a membership. */
export async function callerForMember(db: Db, membershipId: string) {
  const m = await db.membership.findUniqueOrThrow({
    where: { id: membershipId },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  return callerFor(db, m.user);
}

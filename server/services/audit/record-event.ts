/** Appends to a team's audit trail: who (membership) did what to whom, with from → to data. */
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";

export async function recordEvent(
  db: DbClient,
  event: { teamId: string; actorId: string | null; action: string; subjectId?: string | null; data?: Prisma.InputJsonValue },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      teamId: event.teamId,
      actorId: event.actorId,
      action: event.action,
      subjectId: event.subjectId ?? null,
      data: event.data,
    },
  });
}

/** Appends to a team's audit trail: who (membership) did what to whom, with from → to data. */
import type { Prisma } from "@/generated/prisma/client";
import * as clock from "@/server/clock";
import type { DbClient } from "@/server/db-client";
import type { ActorMembership } from "@/server/services/team/load-team-access";

export async function recordEvent(
  db: DbClient,
  event: {
    teamId: string;
    actorId: string | null;
    action: string;
    subjectId?: string | null;
    data?: Prisma.InputJsonValue;
  },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      teamId: event.teamId,
      actorId: event.actorId,
      action: event.action,
      subjectId: event.subjectId ?? null,
      data: event.data,
      // Stamped by the app's clock (server/clock.ts), like the changes it records: the activity page orders by it.
      createdAt: clock.now(),
    },
  });
}

/** What a member did, for `recordActorEvent`. */
export interface ActorEvent {
  action: string;
  subjectId?: string | null;
  data?: Prisma.InputJsonValue;
}

/** Records a change the acting member made in their team: the audit line every audited service ends with. */
export function recordActorEvent(
  db: DbClient,
  actor: Pick<ActorMembership, "id" | "teamId">,
  event: ActorEvent,
): Promise<void> {
  return recordEvent(db, { teamId: actor.teamId, actorId: actor.id, ...event });
}

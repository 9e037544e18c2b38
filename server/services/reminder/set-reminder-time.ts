/** Sets (or clears, with null) the acting member's daily reminder time, "HH:MM" where the member lives (their own time zone, else the team's). */
import type { DbClient } from "@/server/db-client";
import type { ActorMembership } from "@/server/services/team/load-team-access";

export async function setReminderTime(db: DbClient, args: { actor: ActorMembership; time: string | null }) {
  const updated = await db.membership.update({
    where: { id: args.actor.id },
    data: { reminderTime: args.time },
    select: { reminderTime: true },
  });
  return { reminderTime: updated.reminderTime };
}

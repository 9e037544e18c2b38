/** Sets (or clears, with null) the acting member's daily reminder time, "HH:MM" where the member lives (their own time zone, else the team's). */
import type { DbClient } from "@/server/db-client";
import type { TeamScope } from "@/server/services/team/scope";

export async function setReminderTime(db: DbClient, scope: TeamScope, input: { time: string | null }) {
  const updated = await db.membership.update({
    where: { id: scope.actor.id },
    data: { reminderTime: input.time },
    select: { reminderTime: true },
  });
  return { reminderTime: updated.reminderTime };
}

/**
 * Who may change the team calendar: the owner and leaders manage the team's holidays (everyone in the team reads
 * them); each member manages only their own days off (the services take the caller's membership, never another id).
 */
import { forbidden } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";

export function assertCanManageHolidays(actor: ActorMembership): void {
  if (actor.role === "MEMBER") throw forbidden("Only the team owner and leaders can change the team's holidays.");
}

export const canManageHolidays = (actor: Pick<ActorMembership, "role">) => actor.role !== "MEMBER";

/** Team-wide plan settings (metrics, funnels, ranks) are changed by the owner; everyone in the team may read them. */
import { forbidden } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";

export function assertCanEditSettings(actor: ActorMembership): void {
  if (actor.role !== "OWNER") throw forbidden("Only the team owner can change the team's metrics, funnels and ranks.");
}

/**
 * Team-wide plan settings (metrics, funnels, ranks) are changed by the owner (SETTINGS_EDITORS in
 * server/services/team/permissions.ts); everyone in the team may read them.
 */
import { roleProcedure } from "@/server/api/trpc";
import { SETTINGS_EDITORS } from "@/server/services/team/permissions";

export const settingsProcedure = roleProcedure(
  SETTINGS_EDITORS,
  "Only the team owner can change the team's metrics, funnels and ranks.",
);

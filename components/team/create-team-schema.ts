/**
 * The "Create a team" form as chosen: the `team.create` fields, the week's first day as the select's text, read
 * by the one number parser (server/domain/money.ts) into the procedure's weekday (Sunday = 0 … Saturday = 6).
 */
import type { z } from "zod";
import { zAmountText } from "@/server/schemas/money";
import { ZCreateTeamInput, ZWeekday } from "@/server/schemas/team";

export const ZCreateTeamForm = ZCreateTeamInput.extend({
  // A count has no currency: the parser reads it as a whole number whatever the code.
  weekStartsOn: zAmountText("COUNT", "XXX", { max: 6 }).pipe(ZWeekday),
});
export type CreateTeamIn = z.input<typeof ZCreateTeamForm>;
export type CreateTeamOut = z.output<typeof ZCreateTeamForm>;

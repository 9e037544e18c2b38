/**
 * A goal entirely in the past has no day left to plan: publishing it would hand out "today's actions" and minutes a
 * day for a period that is over. Creating or publishing one is refused with a message the leader can act on. `today`
 * is the team's today (`teamToday` of server/clock.ts, passed down by the router as `asOf`).
 */
import type { IsoDate } from "@/server/domain/calendar";
import { badRequest } from "@/server/errors";

export function refusePastGoal(goal: { deadline: IsoDate }, today: IsoDate): void {
  if (goal.deadline < today) {
    throw badRequest(
      `This goal ended on ${goal.deadline}, before today (${today}): there is no day left to plan. Choose a deadline from today on.`,
      "deadline",
    );
  }
}

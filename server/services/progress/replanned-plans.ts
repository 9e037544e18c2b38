/**
 * The re-planned members of a goal and their own cumulative plans ("re-plan the rest", server/services/goal/
 * replan-rest.ts): the one read every screen uses to put a re-plan in place of a member's share of the goal's curve —
 * My plan and the Log (`replannedMemberRows`), the dashboard's roll-up (get-rollup.ts), its charts, the CSV export,
 * the leaderboard and the weekly review (through the roll-up). ONE query for the whole goal (server/queries/replan.ts);
 * each row is rebuilt by the domain (`memberReplanRow`, `rowCumulative`). A stored re-plan that can no longer be met
 * (no open day left, e.g. after a holiday was added) or whose member has no target leaves that member on their share.
 */
import type { DbClient } from "@/server/db-client";
import { toDayNumber, type IsoDate } from "@/server/domain/calendar";
import { PlanningError } from "@/server/domain/errors";
import type { PhasedPlan } from "@/server/domain/phasing";
import { memberReplanRow, rowCumulative } from "@/server/domain/replan-rest";
import { goalReplans } from "@/server/queries/replan";

export interface ReplannedPlan {
  /** The member's row (index = day − the plan's start): the days before the re-plan as done, then the rest. */
  row: number[];
  /** Its running total by the end of a day. */
  cumulative: (day: IsoDate) => number;
}

export async function loadReplannedPlans(
  db: DbClient,
  args: {
    teamId: string;
    goal: { id: string; metricId: string };
    plan: Pick<PhasedPlan, "start" | "days">;
    /** Only these members (default: the whole goal). */
    membershipIds?: readonly string[];
  },
): Promise<Map<string, ReplannedPlan>> {
  const out = new Map<string, ReplannedPlan>();
  if (args.membershipIds !== undefined && args.membershipIds.length === 0) return out;
  const rows = await goalReplans(db, {
    teamId: args.teamId,
    goalId: args.goal.id,
    metricId: args.goal.metricId,
    start: args.plan.start,
    ...(args.membershipIds === undefined ? {} : { membershipIds: args.membershipIds }),
  });
  const startDn = toDayNumber(args.plan.start);
  for (const r of rows) {
    if (r.personal === null) continue;
    const daily = new Array<number>(args.plan.days.length).fill(0);
    for (const d of r.daily) {
      const k = toDayNumber(d.day) - startDn;
      if (k >= 0 && k < daily.length) daily[k]! += d.total;
    }
    try {
      const { row } = memberReplanRow(args.plan, {
        fromDate: r.fromDate,
        fixed: r.fixed,
        target: r.personal,
        daily,
      });
      out.set(r.membershipId, { row, cumulative: rowCumulative(args.plan.start, row) });
    } catch (e) {
      if (!(e instanceof PlanningError)) throw e;
    }
  }
  return out;
}

/** Just the cumulative plans, as the roll-up and the expected-plan rule take them. */
export function cumulativePlans(plans: ReadonlyMap<string, ReplannedPlan>): Map<string, (day: IsoDate) => number> {
  return new Map([...plans].map(([id, p]) => [id, p.cumulative]));
}

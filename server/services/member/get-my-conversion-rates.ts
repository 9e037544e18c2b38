/**
 * The signed-in member's own conversion rates, from their history: for every result the team has a funnel for, each
 * step's team default, what the member's last RATE_HISTORY_DAYS show (observations = how many of the step they did,
 * and what came of them) and the rate their plans use (`memberConversionRates`, server/domain/conversion-rates.ts —
 * the same history window and stages as My plan, so what is shown is what is planned with). Three queries: the
 * result metrics, their funnels, the member's totals — plus the two of the names list's observations (rates from the
 * list, server/services/person/list-rates.ts), which replace the Log's where the list has enough people at a step.
 */
import type { DbClient } from "@/server/db-client";
import { memberToday } from "@/server/clock";
import { addDays } from "@/server/domain/calendar";
import { memberConversionRates } from "@/server/domain/conversion-rates";
import { toDbDay } from "@/server/domain/db-day";
import { RATE_HISTORY_DAYS } from "@/server/domain/member-actions";
import { loadFunnels, metricRefSelect, sumDailyTotals } from "@/server/queries/funnel-history";
import type { TeamScope } from "@/server/services/team/scope";
import { loadListHistory } from "@/server/services/person/list-rates";

export async function getMyConversionRates(db: DbClient, scope: TeamScope) {
  const { actor, team } = scope;
  const today = memberToday(actor, team);
  const from = addDays(today, -RATE_HISTORY_DAYS);
  const to = addDays(today, -1);
  const results = await db.metric.findMany({
    where: { teamId: team.id, archivedAt: null, funnelAsResult: { some: {} } },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: metricRefSelect,
  });
  const window = { from, to, days: RATE_HISTORY_DAYS };
  if (results.length === 0) return { window, results: [] };
  const [funnels, listHistory] = await Promise.all([
    loadFunnels(db, { teamId: team.id, resultMetricIds: results.map((r) => r.id) }),
    // Rates from the names list, where it has enough people at a step (server/domain/list-rates.ts).
    loadListHistory(db, { teamId: team.id, membershipId: actor.id }),
  ]);
  const metricIds = [...new Set([...funnels.entries()].flatMap(([id, steps]) => [id, ...steps.map((s) => s.id)]))];
  const history =
    (
      await sumDailyTotals(db, {
        teamId: team.id,
        membershipIds: [actor.id],
        metricIds,
        from: toDbDay(from),
        to: toDbDay(to),
      })
    ).get(actor.id) ?? {};
  return {
    window,
    results: results
      .map((result) => {
        const steps = funnels.get(result.id) ?? [];
        return memberConversionRates({
          result,
          steps,
          history,
          listHistory: listHistory(
            result.id,
            steps.map((s) => s.id),
          ),
        });
      })
      .filter((r) => r.rates.length > 0 || r.valuePerAction !== null),
  };
}

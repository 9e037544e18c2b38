"use client";
/**
 * The member's own conversion rates from their history, next to the team's defaults, with the number of observations
 * — exactly what their plans' funnels use (`member.conversionRates`, server/domain/conversion-rates.ts).
 */
import { useQuery } from "@tanstack/react-query";
import { Filter } from "lucide-react";
import { useId } from "react";
import { useTeam } from "@/components/layout/team-context";
import { formatDayRange } from "@/components/plan/format";
import { QueryState } from "@/components/ui/query-state";
import { formatAmount } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";
import type { ConversionRates as Rates } from "./types";

/** 0.25 → "25%", 0.0333 → "3.3%". */
export function formatRate(rate: number): string {
  const pct = rate * 100;
  const text = pct >= 10 || Number.isInteger(pct) ? String(Math.round(pct)) : pct.toFixed(1);
  return `${text}%`;
}

const lower = (name: string) => name.toLowerCase();

export function ConversionRates() {
  const team = useTeam();
  const trpc = useTRPC();
  const headingId = useId();
  const rates = useQuery(trpc.member.conversionRates.queryOptions({ teamId: team.id }));
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
        <Filter aria-hidden className="size-5" />
        Your conversion rates
      </h2>
      <QueryState
        query={rates}
        loading="Loading your conversion rates…"
        error="Could not load your conversion rates"
        empty={{
          when: (d) => d.results.length === 0,
          children: <p className="text-slate-700">Your team has no funnels yet, so plans count results directly.</p>,
        }}
      >
        {(data) => <RatesBody data={data} />}
      </QueryState>
    </section>
  );
}

function RatesBody({ data }: { data: Rates }) {
  const team = useTeam();
  return (
    <div className="space-y-4">
      <p className="text-slate-700">
        From what you logged in the last {data.window.days} days ({formatDayRange(data.window.from, data.window.to)}).
        Your plans use your own rate, blended with the team&apos;s default until you have enough history. Where your
        names list has enough people at a step, the rate comes from the list (who went on to the next stage).
      </p>
      {data.results.map((result) => (
        <div key={result.result.id} className="space-y-2">
          <h3 className="font-semibold">{result.result.name}</h3>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
            {result.rates.map((r) => (
              <li key={r.from.id} className="space-y-1 px-3 py-2 text-sm" data-testid="conversion-rate">
                <p className="font-medium break-words text-slate-900">
                  {r.from.name} → {lower(r.to.name)}
                </p>
                <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-slate-700">
                  <dt>Yours</dt>
                  <dd className="break-words">
                    {r.observedRate === null
                      ? `no ${lower(r.from.name)} logged yet`
                      : r.source === "list"
                        ? `${formatRate(r.observedRate)} (from your names list: ${r.successes.toLocaleString("en-GB")} of ${r.trials.toLocaleString("en-GB")} people went on)`
                        : `${formatRate(r.observedRate)} (${r.successes.toLocaleString("en-GB")} of ${r.trials.toLocaleString("en-GB")} ${lower(r.from.name)})`}
                  </dd>
                  <dt>Team default</dt>
                  <dd>{formatRate(r.defaultRate)}</dd>
                  <dt className="font-medium text-slate-900">Your plans use</dt>
                  <dd className="font-medium text-slate-900">
                    {formatRate(r.rate)}
                    <span className="font-normal text-slate-700">
                      {r.trials === 0
                        ? " (the default)"
                        : ` (your history counts for ${Math.round(r.historyWeight * 100)}%, from ${r.trials.toLocaleString("en-GB")} ${r.trials === 1 ? "observation" : "observations"})`}
                    </span>
                  </dd>
                </dl>
              </li>
            ))}
            {result.valuePerAction && (
              <li className="px-3 py-2 text-sm text-slate-700">
                Each of your {lower(result.valuePerAction.step.name)} counts as{" "}
                {formatAmount(result.valuePerAction.value, result.result.unit, team.currency)} of{" "}
                {lower(result.result.name)} (the team&apos;s setting).
              </li>
            )}
          </ul>
        </div>
      ))}
    </div>
  );
}

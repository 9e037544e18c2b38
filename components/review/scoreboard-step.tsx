/** Step 1: the goal on a page and last week's plan vs actual for the whole team, in large type. */
import { formatAmount, formatDay, formatLongDay } from "@/components/dashboard/format";
import { PaceBadge } from "@/components/dashboard/pace-badge";
import type { ReviewSnapshotView } from "./types";

export function ScoreboardStep({ snapshot: s, currency }: { snapshot: ReviewSnapshotView; currency: string }) {
  const f = (n: number) => formatAmount(n, s.goal.unit, currency);
  const b = s.scoreboard;
  const pct = b.weekTarget > 0 ? Math.round((b.weekActual / b.weekTarget) * 100) : null;
  return (
    <div className="space-y-8">
      <div>
        <p className="text-slate-700">The goal</p>
        <p className="text-3xl font-semibold sm:text-4xl">
          {f(s.goal.target)} {s.goal.metricName.toLowerCase()} by {formatLongDay(s.goal.deadline)}
        </p>
        <p className="text-slate-700">{s.goal.name}</p>
      </div>
      <dl className="grid gap-8 md:grid-cols-2">
        <div className="space-y-2">
          <dt className="text-slate-700">
            Last week ({formatDay(s.week.from)} – {formatDay(s.week.to)})
          </dt>
          <dd className="text-4xl font-bold tabular-nums sm:text-5xl">
            {f(b.weekActual)} <span className="text-2xl font-normal text-slate-700">of {f(b.weekTarget)} planned</span>
          </dd>
          <dd className="flex flex-wrap items-center gap-3">
            <PaceBadge status={b.weekStatus} size="lg" />
            {pct !== null && <span className="tabular-nums">{pct}% of the plan</span>}
          </dd>
        </div>
        <div className="space-y-2">
          <dt className="text-slate-700">Goal to date</dt>
          <dd className="text-4xl font-bold tabular-nums sm:text-5xl">
            {f(b.goalActual)}{" "}
            <span className="text-2xl font-normal text-slate-700">of {f(b.goalExpected)} expected</span>
          </dd>
          <dd>
            <PaceBadge status={b.goalStatus} size="lg" />
          </dd>
        </div>
        <div className="space-y-1">
          <dt className="text-slate-700">Forecast at the deadline</dt>
          <dd className="text-3xl font-semibold tabular-nums">
            {b.forecast === null ? "Not enough history yet" : `${f(b.forecast)} of ${f(b.goalShare)}`}
          </dd>
        </div>
        <div className="space-y-1">
          <dt className="text-slate-700">To catch up</dt>
          <dd className="text-3xl font-semibold tabular-nums">
            {b.catchUpPerWeek > 0 ? `+${f(b.catchUpPerWeek)} per week` : "No catch-up needed"}
          </dd>
          <dd className="text-slate-700">
            {b.onPace} on pace · {b.offPace} off pace
          </dd>
        </div>
      </dl>
    </div>
  );
}

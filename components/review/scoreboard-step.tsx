/** Step 1: the goal on a page and the reviewed week's plan vs actual for the whole team, in large type. */
import { DASHBOARD_AMOUNTS, formatLongDay } from "@/components/dashboard/format";
import { formatAmount } from "@/server/domain/money";
import { paceNoteText } from "@/server/domain/pace";
import { PaceBadge } from "@/components/dashboard/pace-badge";
import { reviewWeekText, weekPlanShare } from "./review-week-text";
import type { ReviewSnapshotView } from "./types";

export function ScoreboardStep({ snapshot: s, currency }: { snapshot: ReviewSnapshotView; currency: string }) {
  const f = (n: number) => formatAmount(n, s.goal.unit, currency, undefined, DASHBOARD_AMOUNTS);
  const b = s.scoreboard;
  const week = reviewWeekText(s);
  // The status compares with the plan due by the as-of day, and so does the percentage (never "0% · On track").
  const share = weekPlanShare(s);
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
            {week.name} ({week.days})
          </dt>
          <dd className="text-4xl font-bold tabular-nums sm:text-5xl">
            {f(b.weekActual)} <span className="text-2xl font-normal text-slate-700">of {f(b.weekTarget)} planned</span>
          </dd>
          {week.underWay && b.weekExpected !== undefined && (
            <dd className="text-slate-700 tabular-nums">{f(b.weekExpected)} of it due so far</dd>
          )}
          <dd className="flex flex-wrap items-center gap-3">
            <PaceBadge status={b.weekStatus} size="lg" />
            <span className="tabular-nums">{share ?? (week.underWay ? "Nothing due yet" : "Nothing was planned")}</span>
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
          <dt className="text-slate-700">To finish on target</dt>
          <dd className="text-3xl font-semibold tabular-nums">
            {b.catchUpPerWeek > 0 ? `${f(b.catchUpPerWeek)} per week` : "No catch-up needed"}
          </dd>
          {b.note && <dd className="text-slate-700">{paceNoteText({ note: b.note, status: b.goalStatus })}</dd>}
          <dd className="text-slate-700">
            {b.onPace} on pace · {b.offPace} off pace
          </dd>
        </div>
      </dl>
    </div>
  );
}

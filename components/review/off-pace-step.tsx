/** Step 2: the members off pace (goal to date), each with what it takes per week to catch up. */
import { formatAmount } from "@/components/dashboard/format";
import { PaceBadge } from "@/components/dashboard/pace-badge";
import type { ReviewSnapshotView } from "./types";

export function OffPaceStep({ snapshot: s, currency }: { snapshot: ReviewSnapshotView; currency: string }) {
  const f = (n: number) => formatAmount(n, s.goal.unit, currency);
  if (s.offPace.length === 0) return <p>Everyone is on pace. Well done!</p>;
  return (
    <div className="space-y-4">
      <p className="text-lg text-slate-700">
        {s.offPace.length} {s.offPace.length === 1 ? "member is" : "members are"} off pace on the goal to date (their
        team included).
      </p>
      <ul className="divide-y divide-slate-200" aria-label="Members off pace">
        {s.offPace.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-x-6 gap-y-2 py-4">
            <span className="min-w-48 flex-1 font-semibold">{m.name}</span>
            <PaceBadge status={m.status} size="lg" />
            <span className="text-lg text-slate-700 tabular-nums">
              {f(m.actual)} of {f(m.expected)}
            </span>
            <span className="font-semibold tabular-nums">Catch up +{f(m.catchUpPerWeek)} / week</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Step 2: the members off pace in the week reviewed — exactly those the dashboard counts off pace for that week and
 * subtree — each with their own week against the plan due, and what their team needs per week to catch up on the
 * goal to date. (Reviews stored before the snapshot kept the period listed goal-to-date team statuses.)
 */
import { DASHBOARD_AMOUNTS } from "@/components/dashboard/format";
import { formatAmount } from "@/server/domain/money";
import { PaceBadge } from "@/components/dashboard/pace-badge";
import { ReplanButton } from "./replan-button";
import { reviewWeekText } from "./review-week-text";
import type { ReviewSnapshotView } from "./types";

export function OffPaceStep({
  snapshot: s,
  currency,
  commitments,
  canReplan = false,
}: {
  snapshot: ReviewSnapshotView;
  currency: string;
  /** The coming week's commitments (a number can be turned into a re-plan). */
  commitments?: readonly { memberId: string; amount: number | null }[];
  /** Offer "re-plan the rest" for each person (an open review, run by a leader). */
  canReplan?: boolean;
}) {
  const f = (n: number) => formatAmount(n, s.goal.unit, currency, undefined, DASHBOARD_AMOUNTS);
  if (s.offPace.length === 0) return <p>Everyone is on pace. Well done!</p>;
  const weekly = s.period !== undefined;
  const count = weekly ? s.scoreboard.offPace : s.offPace.length;
  return (
    <div className="space-y-4">
      <p className="text-lg text-slate-700">
        {count} {count === 1 ? "member is" : "members are"}{" "}
        {weekly
          ? `off pace ${reviewWeekText(s).inText}, as on the dashboard`
          : "off pace on the goal to date (their team included)"}
        {count > s.offPace.length ? ` — the ${s.offPace.length} furthest behind:` : "."}
      </p>
      <ul className="divide-y divide-slate-200" aria-label="Members off pace">
        {s.offPace.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-x-6 gap-y-2 py-4">
            <span className="min-w-48 flex-1 font-semibold">{m.name}</span>
            <PaceBadge status={m.status} size="lg" />
            <span className="text-lg text-slate-700 tabular-nums">
              {f(m.actual)} of {f(m.expected)}
              {weekly && " due"}
            </span>
            {m.catchUpPerWeek > 0 ? (
              <span className="font-semibold tabular-nums">{f(m.catchUpPerWeek)} / week to finish on target</span>
            ) : (
              <span className="text-lg text-slate-700">On course for the goal</span>
            )}
            {canReplan && (
              <ReplanButton
                target={{
                  goalId: s.goal.id,
                  unit: s.goal.unit,
                  member: { id: m.id, name: m.name },
                  commitment: commitmentOf(commitments, m.id, s.nextWeekStart),
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function commitmentOf(
  commitments: readonly { memberId: string; amount: number | null }[] | undefined,
  memberId: string,
  weekStart: string,
) {
  const amount = commitments?.find((c) => c.memberId === memberId)?.amount;
  return amount === null || amount === undefined ? null : { weekStart, amount };
}

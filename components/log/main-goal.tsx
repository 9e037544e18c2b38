/**
 * The team's main goal at the top of the Log (server/services/goal/main-goal.ts; read with the Log's one context
 * query): its name, labelled "Main goal" by word and icon, the member's progress towards their own target in it, and
 * — today — what the plan asks of them for it. Shown only to members with a target in it.
 */
import { Star } from "lucide-react";
import { formatAmount } from "@/server/domain/money";
import { formatShortDay } from "@/components/plan/format";
import type { LogDayData } from "./types";

type MainGoal = NonNullable<LogDayData["mainGoal"]>;

export function MainGoalNote({
  goal,
  isToday,
  pendingToday,
  currency,
}: {
  goal: MainGoal;
  isToday: boolean;
  /** The goal metric's entries logged today that are still on the device (not yet in the server's numbers). */
  pendingToday: number;
  currency: string;
}) {
  const fmt = (n: number, unit = goal.metric.unit) => formatAmount(n, unit, currency);
  const done = goal.done + pendingToday;
  return (
    <section
      aria-labelledby="main-goal-title"
      data-testid="main-goal"
      className="border-brand-100 bg-brand-50 space-y-1 rounded-xl border p-3 text-slate-900"
    >
      <p className="text-brand-800 flex items-center gap-1 text-sm font-semibold">
        <Star aria-hidden className="size-4 shrink-0" /> Main goal
      </p>
      <h2 id="main-goal-title" className="text-base font-semibold break-words">
        {goal.name}
      </h2>
      <p className="text-sm text-slate-800">
        <span className="font-semibold tabular-nums">{fmt(done)}</span> of your {fmt(goal.personal)}{" "}
        {goal.metric.name.toLowerCase()} · by {formatShortDay(goal.deadline)}
      </p>
      {isToday && goal.today.length > 0 && (
        <p className="text-sm text-slate-800" data-testid="main-goal-today">
          Today for it: {goal.today.map((a) => `${a.name} ${fmt(a.planned, a.unit)}`).join(" · ")}
        </p>
      )}
    </section>
  );
}

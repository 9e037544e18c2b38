/**
 * Today's follow-ups (issue 18), first in today's actions, before new contacts: "Follow up with Sam", a few by name
 * (due today first), the overdue counted once ("2 overdue") — a person touched today is done and no longer shown.
 * Built by server/domain/follow-ups.ts.
 */
import Link from "next/link";
import type { FollowUpPlan } from "@/server/domain/follow-ups";

export function FollowUps({ plan, namesHref }: { plan: FollowUpPlan; namesHref: string }) {
  if (plan.items.length === 0) return null;
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-3" data-testid="follow-ups">
      <h3 className="flex flex-wrap items-baseline gap-x-2 font-semibold text-slate-900">
        Follow-ups
        {plan.overdue > 0 && <span className="text-sm font-normal text-amber-800">{plan.overdue} overdue</span>}
      </h3>
      <ul className="mt-1 space-y-1 text-sm">
        {plan.items.map((item) => (
          <li key={item.personId} className="flex min-h-9 items-center justify-between gap-2">
            <span className="min-w-0 break-words text-slate-900">Follow up with {item.name}</span>
            <span className="shrink-0 text-xs text-slate-700">{item.overdue ? `due ${item.day}` : "today"}</span>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-700">
        {plan.more > 0 ? `And ${plan.more} more. ` : ""}Log the tap, then pick who it was.{" "}
        <Link href={namesHref} className="text-brand-700 font-medium underline">
          Names list
        </Link>
      </p>
    </div>
  );
}

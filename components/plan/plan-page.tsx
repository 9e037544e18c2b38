"use client";
/**
 * The Plan section: my plan first (phone first), my days off; for the owner and leaders their goals, new goal,
 * proposals, settings and the team calendar.
 */
import { useQuery } from "@tanstack/react-query";
import { CalendarDays, Plus, Settings } from "lucide-react";
import Link from "next/link";
import { MyDaysOff } from "@/components/calendar/my-days-off";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { amountFormatter } from "@/server/domain/money";
import { formatDay } from "./format";
import { ArchivedGoals } from "./archived-goals";
import { MyPlan } from "./my-plan";
import { ProposalsInbox } from "./proposals-inbox";
import { StatusBadge } from "./status";

const linkButton = "inline-flex min-h-11 items-center gap-2 rounded-lg px-4 font-medium";

export function PlanPage() {
  const team = useTeam();
  const leads = team.leadsBranch;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold sm:text-3xl">Plan</h1>
          <p className="mt-1 text-slate-700">Your goal worked backwards into this week and today.</p>
        </div>
        {leads && (
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/${team.slug}/plan/new`}
              className={`${linkButton} bg-brand-600 hover:bg-brand-700 text-white`}
            >
              <Plus aria-hidden className="size-5" /> New goal
            </Link>
            <Link
              href={`/${team.slug}/plan/settings`}
              className={`${linkButton} border border-slate-300 bg-white hover:bg-slate-100`}
            >
              <Settings aria-hidden className="size-5" /> Metrics &amp; ranks
            </Link>
            <Link
              href={`/${team.slug}/plan/calendar`}
              className={`${linkButton} border border-slate-300 bg-white hover:bg-slate-100`}
            >
              <CalendarDays aria-hidden className="size-5" /> Calendar
            </Link>
          </div>
        )}
      </div>
      <MyPlan />
      <MyDaysOff />
      <ProposalsInbox />
      {leads && <ManagedGoals />}
      <ArchivedGoals />
    </div>
  );
}

function ManagedGoals() {
  const team = useTeam();
  const trpc = useTRPC();
  const goals = useQuery(trpc.goal.list.queryOptions({ teamId: team.id }));
  const managed = (goals.data ?? []).filter((g) => g.manages);
  return (
    <section aria-labelledby="managed-heading" className="space-y-3">
      <h2 id="managed-heading" className="text-xl font-semibold">
        Goals you set
      </h2>
      {goals.isPending ? (
        <p className="text-slate-700">Loading goals…</p>
      ) : managed.length === 0 ? (
        <Card>
          <p className="text-slate-700">
            No goals yet. Start with New goal: a target, a deadline, and Backplan works it backwards.
          </p>
        </Card>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {managed.map((g) => (
            <li key={g.id}>
              <Link
                href={`/${team.slug}/plan/goals/${g.id}`}
                className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-400"
              >
                <span className="flex flex-wrap items-center gap-2 font-semibold">
                  {g.name}
                  {g.status === "PUBLISHED" ? (
                    <StatusBadge tone="ok" label="Published" />
                  ) : (
                    <StatusBadge tone="info" label="Draft" />
                  )}
                </span>
                <span className="mt-1 block text-sm text-slate-700">
                  {amountFormatter(g.metric.unit, team.currency)(g.target)} {g.metric.name.toLowerCase()} by{" "}
                  {formatDay(g.deadline)} · {g.rootName}
                  &apos;s team
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

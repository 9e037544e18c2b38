"use client";
/**
 * "My plan" — phone first: today's 3–5 actions with counts, then for each goal my target, this week's milestone,
 * the time check, a month calendar of milestones and my upline's name; my downline's targets if I lead anyone.
 */
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { CalendarDays, ListChecks, UserRound } from "lucide-react";
import Link from "next/link";
import { useTeam } from "@/components/layout/team-context";
import { ReplanButton } from "@/components/review/replan-button";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { RestDayNote, ZoneNote } from "@/components/log/member-day";
import type { MemberDay } from "@/components/log/member-day-text";
import { useTRPC } from "@/trpc/react";
import { amountFormatter, type MetricUnit } from "@/server/domain/money";
import { paceNoteText } from "@/server/domain/pace";
import { formatDay, formatShortDay } from "./format";
import { MilestoneCalendar } from "./milestone-calendar";
import { ProposeTarget } from "./propose-target";
import { RankGap } from "./rank-gap";
import { StatusBadge, StatusNote } from "./status";
import type { MyGoalPlan, MyPlan as MyPlanData } from "./types";
import { Table } from "@/components/ui/table";

export function MyPlan() {
  const team = useTeam();
  const trpc = useTRPC();
  const plan = useQuery(trpc.goal.myPlan.queryOptions({ teamId: team.id }));
  const tree = useQuery(trpc.member.tree.queryOptions({ teamId: team.id, rootId: team.membershipId, depth: 1 }));
  // Today where the member lives, and whether it is a working day for them (rest weekday, holiday, day off).
  const day = useQuery(trpc.member.day.queryOptions({ teamId: team.id }));
  const upline = tree.data?.upline[0] ?? null;
  const leadsAnyone = (tree.data?.nodes.length ?? 0) > 1;

  return (
    <QueryState query={plan} variant="card" loading="Loading your plan…" error="Could not load your plan">
      {(data) => <MyPlanView data={data} upline={upline} leadsAnyone={leadsAnyone} day={day.data} />}
    </QueryState>
  );
}

function MyPlanView({
  data,
  upline,
  leadsAnyone,
  day,
}: {
  data: MyPlanData;
  upline: { name: string } | null;
  leadsAnyone: boolean;
  day: MemberDay | undefined;
}) {
  const team = useTeam();
  return (
    <section aria-labelledby="my-plan-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="my-plan-heading" className="text-xl font-semibold">
          My plan
        </h2>
        {upline && (
          <p className="flex items-center gap-1 text-sm text-slate-700">
            <UserRound aria-hidden className="size-4" />
            Your upline: <span className="font-semibold text-slate-900">{upline.name}</span>
          </p>
        )}
      </div>
      {day && <ZoneNote day={day} />}

      {data.goals.length === 0 ? (
        <Card>
          <p className="text-slate-700">
            No published goal includes you yet. When your leader publishes one, your target and daily plan appear here.
          </p>
        </Card>
      ) : (
        <>
          <Card role="region" aria-labelledby="today-heading" className="space-y-3">
            <h3 id="today-heading" className="flex items-center gap-2 text-lg font-semibold">
              <ListChecks aria-hidden className="size-5" />
              Today&apos;s actions
            </h3>
            {day?.rest && day.today === data.asOf ? (
              <RestDayNote
                rest={day.rest}
                today={day.today}
                teamName={team.name}
                currency={team.currency}
                headingLevel={4}
              />
            ) : data.todayActions.length === 0 ? (
              <p className="text-slate-700">Nothing planned for today — a day off, or the plan has not started.</p>
            ) : (
              <ul className="divide-y divide-slate-200" aria-label="Today's actions">
                {data.todayActions.map((a) => (
                  <li key={a.metricId} className="flex items-center justify-between py-2">
                    <span>{a.name}</span>
                    <span className="text-lg font-bold tabular-nums">{a.planned.toLocaleString("en-GB")}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {data.goals.map((g) => (
            <GoalPlanCard
              key={g.goal.id}
              g={g}
              today={data.asOf}
              leadsAnyone={leadsAnyone}
              main={g.goal.id === data.mainGoalId}
            />
          ))}
        </>
      )}
      <RankGap />
    </section>
  );
}

const PACE_WORDS = { ahead: "Ahead", on_track: "On track", at_risk: "At risk", behind: "Behind plan" } as const;

function GoalPlanCard({
  g,
  today,
  leadsAnyone,
  main = false,
}: {
  g: MyGoalPlan;
  today: string;
  leadsAnyone: boolean;
  /** The team's main goal: listed first and labelled (server/services/goal/main-goal.ts). */
  main?: boolean;
}) {
  const team = useTeam();
  const fmt = amountFormatter(g.goal.metric.unit, team.currency);
  const headingId = `goal-${g.goal.id}-heading`;
  // The one pace model (server/domain/pace.ts): today's part is not due until today is over, so it compares with
  // what was planned before today; the catch-up is what each week / open day must bring to finish on my target.
  const todayDone = g.actualToDate >= g.expectedToDate;
  const pace = g.pace;
  const needsCatchUp = pace.catchUp.perWeek > 0;
  const tc = g.timeCheck;

  return (
    <Card role="region" aria-labelledby={headingId} className="space-y-4">
      <div>
        <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          {g.goal.name}
          {main && <StatusBadge tone="ok" label="Main goal" />}
        </h3>
        <p className="text-sm text-slate-700">
          {g.goal.metric.name} · by {formatDay(g.goal.deadline)}
        </p>
      </div>
      <dl className="flex flex-wrap gap-3">
        <div className="flex-1 basis-36 rounded-lg bg-slate-50 p-3">
          <dt className="text-sm text-slate-700">My target</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="my-target">
            {fmt(g.personalTarget)}
          </dd>
        </div>
        <div className="flex-1 basis-36 rounded-lg bg-slate-50 p-3">
          <dt className="text-sm text-slate-700">Done so far</dt>
          <dd className="text-2xl font-bold tabular-nums">{fmt(g.actualToDate)}</dd>
        </div>
        {g.teamTarget !== g.personalTarget && (
          <div className="basis-full rounded-lg bg-slate-50 p-3">
            <dt className="text-sm text-slate-700">My team&apos;s target (me + my downline)</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {fmt(g.teamTarget)}{" "}
              <span className="text-sm font-normal text-slate-700">· done {fmt(g.teamActualToDate)}</span>
            </dd>
          </div>
        )}
      </dl>
      <StatusNote tone={needsCatchUp ? "warn" : "ok"} label={`${PACE_WORDS[pace.status]}.`}>
        <span data-testid="pace-note">{paceNoteText(pace)}</span> Planned before today: {fmt(pace.expected)}
        {pace.actual < pace.expected ? ` (${fmt(pace.expected - pace.actual)} short)` : ""}
        {todayDone
          ? `; by the end of today: ${fmt(g.expectedToDate)}, done.`
          : `; by the end of today: ${fmt(g.expectedToDate)}.`}
        {pace.forecast !== null && ` At your recent pace: ${fmt(pace.forecast)} by ${formatDay(g.goal.deadline)}.`}
        {needsCatchUp && (
          <span data-testid="pace-catch-up">
            {" "}
            To finish on your target: {fmt(pace.catchUp.perWeek)} a week ({fmt(pace.catchUp.perDay)} an open day).
          </span>
        )}
      </StatusNote>
      {pace.actual < pace.expected && pace.note !== "out_of_time" && (
        <ReplanButton
          target={{
            goalId: g.goal.id,
            unit: g.goal.metric.unit,
            member: { id: team.membershipId, name: "yourself" },
            allowBranch: false,
          }}
        />
      )}

      <div className="rounded-lg border border-slate-200 p-3" data-testid="week-milestone">
        <h4 className="flex items-center gap-2 font-semibold">
          <CalendarDays aria-hidden className="size-4" />
          {g.milestone?.upcoming
            ? "Next"
            : g.goal.period === "MONTH"
              ? "This month's"
              : g.goal.period === "DAY"
                ? "Today's"
                : "This week's"}{" "}
          milestone
        </h4>
        {g.milestone ? (
          <p className="mt-1">
            {/* A milestone always has an open day: a period without one (holidays, a rest day) shows the next one. */}
            <span className="text-lg font-bold tabular-nums">{fmt(g.milestone.plannedIncrement)}</span>{" "}
            {g.milestone.periodStart === g.milestone.periodEnd
              ? `on ${formatShortDay(g.milestone.periodStart)}`
              : `between ${formatShortDay(g.milestone.periodStart)} and ${formatShortDay(g.milestone.periodEnd)}`}{" "}
            — {fmt(g.milestone.plannedCumulative)} in total by then.
            {g.milestone.upcoming
              ? " Nothing is planned before then."
              : ` Done this period: ${fmt(g.milestone.actual)}.`}
          </p>
        ) : (
          <p className="mt-1 text-slate-700">
            {today < g.goal.startDate ? `The plan starts on ${formatDay(g.goal.startDate)}.` : "The plan has ended."}
          </p>
        )}
      </div>

      {/* The time check is the busiest day of the plan (rare actions fall on some days only), not the average. */}
      {tc.fits ? (
        <StatusNote tone="ok" label="Fits your time.">
          About {Math.round(tc.busiestDayMinutes)} minutes on your busiest day ({Math.round(tc.typicalDayMinutes)} on a
          typical day) of your {g.minutesPerDay} a day
          {g.minutesPerDayAssumed ? (
            <>
              {" "}
              (assumed — <ProfileLink>set your own in your profile</ProfileLink>)
            </>
          ) : (
            <>
              {" "}
              (<ProfileLink>change in your profile</ProfileLink>)
            </>
          )}
          .
        </StatusNote>
      ) : (
        <StatusNote tone="warn" label="Does not fit your time.">
          {tc.remainingWorkingDays > 0
            ? `Your busiest day needs about ${Math.round(tc.busiestDayMinutes)} minutes (${Math.round(tc.typicalDayMinutes)} on a typical day); you have ${g.minutesPerDay} a day`
            : `No working day is left before the deadline; you have ${g.minutesPerDay} minutes a day`}
          {g.minutesPerDayAssumed ? " (assumed)" : ""}. <ProfileLink>Set your minutes a day</ProfileLink>.{" "}
          {tc.laterDeadline ? `With your time it fits by ${formatDay(tc.laterDeadline)}. ` : ""}Talk to your upline or
          propose a different target.
        </StatusNote>
      )}

      {g.needs.length > 0 && (
        <div>
          <h4 className="font-semibold">What it takes (from now)</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {g.needs.map((n) => (
              <li key={n.id} className="flex flex-wrap justify-between gap-x-2">
                <span>{n.name}</span>
                <span className="tabular-nums">
                  {n.remaining.toLocaleString("en-GB")} to go{" "}
                  <span className="text-slate-600">of {n.required.toLocaleString("en-GB")}</span>
                </span>
                {n.rate !== null && n.defaultRate != null && n.rateSource && n.rateSource !== "default" && (
                  <span className="basis-full text-xs text-slate-600" data-testid="your-rates">
                    Your rate {Math.round(n.rate * 100)}% (
                    {n.rateSource === "list" ? "from your names list" : "from your log"}) · team&rsquo;s{" "}
                    {Math.round(n.defaultRate * 100)}%
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      <details className="group rounded-lg border border-slate-200 p-3">
        <summary className="min-h-11 cursor-pointer content-center font-semibold">Calendar of milestones</summary>
        <div className="mt-2">
          <MilestoneCalendar
            title={`Milestones of ${g.goal.name}`}
            today={today}
            weekStartsOn={team.weekStartsOn}
            milestones={g.milestones
              .filter((m) => m.planned > 0)
              .map((m) => ({ date: m.periodEnd, label: fmt(m.cumulative) }))}
          />
          <p className="mt-1 text-xs text-slate-600">Each flag is your running total due by that day.</p>
        </div>
      </details>

      <div className="flex flex-wrap items-center gap-2">
        <ProposeTarget goalId={g.goal.id} current={g.personalTarget} unit={g.goal.metric.unit} />
        <Link
          href={`/${team.slug}/plan/goals/${g.goal.id}`}
          className="text-brand-700 inline-flex min-h-9 items-center text-sm font-medium underline"
        >
          Whole plan and why targets changed
        </Link>
      </div>
      {leadsAnyone && <DownlinePlans goalId={g.goal.id} unit={g.goal.metric.unit} />}
    </Card>
  );
}

function DownlinePlans({ goalId, unit }: { goalId: string; unit: MetricUnit }) {
  const team = useTeam();
  const trpc = useTRPC();
  const detail = useQuery(trpc.goal.get.queryOptions({ teamId: team.id, goalId }));
  const fmt = amountFormatter(unit, team.currency);
  const rows = (detail.data?.members ?? []).filter((m) => m.id !== team.membershipId);
  if (detail.isPending) return <p className="text-sm text-slate-700">Loading your downline…</p>;
  if (rows.length === 0) return null;
  return (
    <div>
      <h4 className="font-semibold">My downline&apos;s plans</h4>
      <Table
        className="mt-1"
        caption="My downline's plans"
        density="compact"
        rows={rows}
        rowKey={(m) => m.id}
        rowHeaderStyle={(m) => ({ paddingLeft: `${Math.max(0, m.depth - 1) * 0.75}rem` })}
        columns={[
          { header: "Member", cell: (m) => m.name },
          { header: "Own", align: "right", cell: (m) => (m.personal === null ? "—" : fmt(m.personal)) },
          { header: "Team", align: "right", cell: (m) => (m.team === null ? "—" : fmt(m.team)) },
        ]}
      />
    </div>
  );
}

/** A link to the member's profile, at the minutes a day (the time check's "set your own"). */
function ProfileLink({ children }: { children: ReactNode }) {
  const team = useTeam();
  return (
    <Link href={`/${team.slug}/profile#minutes`} className="font-medium underline underline-offset-2">
      {children}
    </Link>
  );
}

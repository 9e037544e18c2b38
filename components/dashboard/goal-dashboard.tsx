"use client";
/**
 * One goal's dashboard for a period: the roll-up (read once, drilled into on the client, the drilled node in the URL
 * as `?root=`), the summary tiles, the tree, the charts, the leaderboard, the victories and export / import.
 */
import { useQuery } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { formatAmount } from "@/server/domain/money";
import { paceNoteText } from "@/server/domain/pace";
import { useUrlParam } from "@/components/ui/use-url-param";
import { useTRPC } from "@/trpc/react";
import { CsvExportButton } from "./csv-export-button";
import { DashboardCharts } from "./dashboard-charts";
import { DASHBOARD_AMOUNTS, formatDay } from "./format";
import { LeaderboardCard } from "./leaderboard-card";
import { MemberImport } from "./member-import";
import { PaceBadge } from "./pace-badge";
import { BranchSearch } from "./branch-search";
import { OffPaceCard } from "./off-pace-card";
import { indexFirstView, indexRollup } from "./rollup-model";
import { RollupTree } from "./rollup-tree";
import { PERIOD_LABELS, type DashboardPeriod, type DashboardView } from "./types";
import { VictoryFeed } from "./victory-feed";

export function GoalDashboard({ goalId, period }: { goalId: string; period: DashboardPeriod }) {
  const team = useTeam();
  const trpc = useTRPC();
  const [drilled] = useUrlParam("root");
  const view = useQuery({
    ...trpc.dashboard.view.queryOptions({ teamId: team.id, goalId, period, rootId: drilled ?? undefined }),
    placeholderData: (prev) => prev,
  });
  return (
    <QueryState query={view} variant="card" loading="Rolling up the team…" error="Could not load the dashboard">
      {(data) => <RolledUp data={data} goalId={goalId} period={period} />}
    </QueryState>
  );
}

function RolledUp({ data, goalId, period }: { data: DashboardView; goalId: string; period: DashboardPeriod }) {
  const team = useTeam();
  // A small branch comes whole (expand all, instant search); a big one as its root and direct downline.
  const index = useMemo(() => (data.rows ? indexRollup(data.rows) : indexFirstView(data.root, data.children)), [data]);
  // The drilled node is in the URL (`?root=`): a history entry per drill, so Back goes up a level.
  const [, setDrilled] = useUrlParam("root");
  const viewRootId = data.rootId;
  const crumbs = data.crumbs;

  if (!index) {
    return (
      <Card>
        <p className="text-slate-700">Nobody to show for this goal.</p>
      </Card>
    );
  }
  const root = data.root;
  const fmt = (n: number) => formatAmount(n, data.goal.metric.unit, team.currency, undefined, DASHBOARD_AMOUNTS);
  const manages = team.role !== "MEMBER";

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb">
        <ol className="flex flex-wrap items-center gap-1 text-sm">
          {crumbs.map((c, i) => {
            const last = i === crumbs.length - 1;
            return (
              <li key={c.id} className="flex items-center gap-1">
                {i > 0 && <ChevronRight aria-hidden className="size-4 text-slate-500" />}
                {last ? (
                  <span aria-current="page" className="px-2 py-1 font-semibold text-slate-900">
                    {i === 0 ? `${c.name}'s team` : c.name}
                  </span>
                ) : (
                  <button
                    type="button"
                    onClick={() => setDrilled(c.id)}
                    className="text-brand-700 min-h-9 rounded-md px-2 font-medium underline hover:bg-slate-100"
                  >
                    {i === 0 ? `${c.name}'s team` : c.name}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </nav>

      <section aria-labelledby="summary-heading">
        <Card className="space-y-3">
          <h2 id="summary-heading" className="text-lg font-semibold break-words">
            {root.name}&apos;s team · {data.goal.metric.name} · {PERIOD_LABELS[data.period.kind]}
          </h2>
          {/* One tile per number: the period's tile only for a week or a month ("Goal to date" is the goal tile), and
              goal to date, forecast and catch-up all from the one pace model (server/domain/pace.ts). */}
          <dl className="flex flex-wrap gap-4">
            {data.period.kind !== "goal" && (
              <Stat
                label={`${PERIOD_LABELS[data.period.kind]} (${formatDay(data.period.from)}–${formatDay(data.period.to)})`}
              >
                {fmt(root.teamActual)}{" "}
                <span className="text-base font-normal text-slate-600">of {fmt(root.teamTarget)} planned</span>
                <div className="mt-1">
                  <PaceBadge status={root.teamStatus} />
                </div>
              </Stat>
            )}
            <Stat label="Goal to date">
              {fmt(root.goal.teamActual)}{" "}
              <span className="text-base font-normal text-slate-600">
                of {fmt(root.goal.teamExpected)} expected by the end of {formatDay(data.dueThrough)}
              </span>
              <div className="mt-1">
                <PaceBadge status={root.goal.status} />
              </div>
            </Stat>
            <Stat label={`Forecast at ${formatDay(data.goal.deadline)}`}>
              {root.goal.forecast === null ? "—" : fmt(root.goal.forecast)}{" "}
              <span className="text-base font-normal text-slate-600">of {fmt(root.goal.teamShare)} target</span>
            </Stat>
            <Stat label="Catch-up to finish on target">
              <span data-testid="catch-up">
                {root.goal.catchUpPerWeek > 0 ? `${fmt(root.goal.catchUpPerWeek)} / week` : "None needed"}
              </span>
              {root.goal.catchUpPerDay > 0 && (
                <span className="text-base font-normal text-slate-600">
                  {" "}
                  ({fmt(root.goal.catchUpPerDay)} an open day)
                </span>
              )}
              <div className="mt-1 text-sm font-normal text-slate-700">
                {root.below.onPace.toLocaleString("en-GB")} on pace · {root.below.offPace.toLocaleString("en-GB")} off
                pace
              </div>
            </Stat>
          </dl>
          <p className="text-sm text-slate-700" data-testid="pace-note">
            {paceNoteText(root.goal)}
          </p>
        </Card>
      </section>

      <section aria-labelledby="tree-heading" className="space-y-2">
        <h2 id="tree-heading" className="text-xl font-semibold">
          Team tree
        </h2>
        {!data.rows && (
          <p className="text-sm text-slate-700" data-testid="as-of">
            {data.size.toLocaleString("en-GB")} members in this branch: their direct downline is below, open anyone to
            see theirs. Figures as of {formatTime(data.computedAt)}.
          </p>
        )}
        {!data.rows && (
          <BranchSearch goalId={goalId} period={period} rootId={viewRootId} fmt={fmt} onOpen={setDrilled} />
        )}
        <RollupTree
          key={viewRootId}
          index={index}
          searchable={data.rows !== null}
          unit={data.goal.metric.unit}
          currency={team.currency}
          meId={team.membershipId}
          onDrill={setDrilled}
          caption={`${root.name}'s team: ${PERIOD_LABELS[data.period.kind].toLowerCase()} actuals vs targets with pace`}
        />
      </section>

      <OffPaceCard data={data} fmt={fmt} onOpen={setDrilled} />

      <DashboardCharts goalId={goalId} period={period} rootId={viewRootId} currency={team.currency} />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <LeaderboardCard goalId={goalId} period={period} currency={team.currency} />
        <VictoryFeed rootId={viewRootId} />
      </div>

      {manages && (
        <section aria-labelledby="data-heading" className="space-y-3">
          <h2 id="data-heading" className="text-xl font-semibold">
            Export and import
          </h2>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <Card className="space-y-3">
              <h3 className="text-lg font-semibold">Export plan and actuals</h3>
              <p className="text-slate-700">
                A CSV of every member&apos;s plan and actuals for this goal, per week or per month.
              </p>
              <CsvExportButton goalId={goalId} />
            </Card>
            <MemberImport />
          </div>
        </section>
      )}
    </div>
  );
}

const formatTime = (at: Date) =>
  at.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

function Stat({ label, children }: { label: string; children: ReactNode }) {
  // Two tiles a row on a phone, four on wider screens; a tile whose amount is too wide takes its own row.
  return (
    <div className="flex-1 basis-36">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{children}</dd>
    </div>
  );
}
